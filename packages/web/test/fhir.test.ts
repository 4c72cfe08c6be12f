import { describe, expect, it } from 'vitest';
import { entryTypesOf, fhirFileName, placeOfFhirPath } from '../src/lib/fhir';

describe('FHIR export file name', () => {
  it('is the patient name with -fhir.json, without characters file systems refuse', () => {
    expect(fhirFileName('Wei Zhang')).toBe('Wei-Zhang-fhir.json');
    expect(fhirFileName('张伟')).toBe('张伟-fhir.json');
    expect(fhirFileName(' ../a/b:c?  ')).toBe('a-b-c-fhir.json');
    expect(fhirFileName('\u0000')).toBe('patient-fhir.json');
  });
});

describe('where an import problem is', () => {
  const types = entryTypesOf({
    resourceType: 'Bundle',
    entry: [{ resource: { resourceType: 'Patient' } }, { resource: {} }, null],
  });

  it('reads each entry type from the chosen file', () => {
    expect(types).toEqual(['Patient', null, null]);
    expect(entryTypesOf('not a bundle')).toEqual([]);
  });

  it('names the entry as a person counts it, its type and the element', () => {
    expect(placeOfFhirPath('body.entry[0].resource.birthDate', types)).toEqual({
      entry: 1,
      resourceType: 'Patient',
      element: 'birthDate',
    });
    expect(placeOfFhirPath('body.entry[1].resource.extension[0].valueString', types)).toEqual({
      entry: 2,
      resourceType: null,
      element: 'extension[0].valueString',
    });
    expect(placeOfFhirPath('entry[7]', types)).toEqual({ entry: 8, resourceType: null, element: '' });
    expect(placeOfFhirPath('body.entry[0].fullUrl', types)).toEqual({
      entry: 1,
      resourceType: 'Patient',
      element: 'fullUrl',
    });
  });

  it('leaves problems of the Bundle itself to the element', () => {
    expect(placeOfFhirPath('body.type')).toEqual({ entry: null, resourceType: null, element: 'type' });
    expect(placeOfFhirPath('body.entry')).toEqual({ entry: null, resourceType: null, element: 'entry' });
    expect(placeOfFhirPath('body')).toEqual({ entry: null, resourceType: null, element: '' });
  });
});
