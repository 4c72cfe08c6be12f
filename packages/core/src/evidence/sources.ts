/**
 * The evidence catalogue: every clinical figure or rule the product shows cites one of these.
 * Built from the project's clinical evidence reference (evidence.md, "Sources seen" and the section
 * named in `section`). `certainty` carries that reference's verification mark:
 *   verified   (✅) seen in an abstract or excerpt of the source;
 *   partial    (⚠️) partly seen, secondary, or attribution inferred: verify before relying on it;
 *   unverified (❓) not found in retrieved material: must be confirmed against the primary source.
 * Add entries here; never cite a source that is not in this table.
 */
export type SourceCertainty = 'verified' | 'partial' | 'unverified';

export interface Source {
  id: string;
  /** Short citation as shown to people. */
  citation: string;
  /** The section of the evidence reference the fact comes from. */
  section: string;
  certainty: SourceCertainty;
}

const list = [
  {
    id: 'lee2011-smc',
    citation: 'Lee JA, Jo KW, Kong DS, Park K. Stereotact Funct Neurosurg 2011/12;90:16–19',
    section: '1.1 SMC grade',
    certainty: 'verified',
  },
  {
    id: 'baldauf2019',
    citation: 'Baldauf J, Rosenstengel C, Schroeder HWS. Dtsch Arztebl Int 2019;116:54–60',
    section: '0 Key take-aways; 2 Treatment outcome figures',
    certainty: 'verified',
  },
  // Web app, Learn page (condition, epidemiology, causes).
  {
    id: 'spread-mdcp2015',
    citation:
      'Spread of hemifacial spasm to other ipsilateral muscles, 178 patients. Mov Disord Clin Pract (DOI 10.1002/mdc3.12106)',
    section: '6 Epidemiology (Spread)',
    certainty: 'verified',
  },
  {
    id: 'lu2014',
    citation: 'Lu AY, Yeung JT, Gerrard JL, Michaelides EM, Sekula RF, Bulsara KR. Sci World J 2014:349319',
    section: '6 Epidemiology (Review estimates); 0 Key take-aways',
    certainty: 'verified',
  },
  {
    id: 'wang-jankovic1998',
    citation: 'Wang A, Jankovic J. Muscle Nerve 1998;21:1740–1747',
    section: '6 Epidemiology (Sex ratio, Age at onset, Side); 2.1 BoNT',
    certainty: 'verified',
  },
  {
    id: 'unusual-hfs-1642',
    citation: 'Unusual causes and presentations of hemifacial spasm, 1,642 cases (PMID 19574834)',
    section: '6 Epidemiology (Secondary causes); 3.1 Red flags',
    certainty: 'verified',
  },
  {
    id: 'yaltho2011',
    citation: 'Yaltho TC, Jankovic J. Mov Disord 2011;26:1582–1592',
    section: '3.1 Red flags; 3.2 Differential diagnosis',
    certainty: 'verified',
  },
  {
    id: 'tan2002-qjm',
    citation: 'Tan NC, Chan LL, Tan EK. QJM 2002;95:493–500',
    section: '3.1 Red flags',
    certainty: 'verified',
  },
  {
    id: 'jnt2011-intro',
    citation:
      'J Neural Transm 2011, introduction (vessel contact in people without symptoms, citing Tan 1999)',
    section: '2.5 Seed-article claims (Causes); 6 Epidemiology',
    certainty: 'verified',
  },
  // Decision engine: option figures, risk predictors, red flags (packages/core/src/decision).
  {
    id: 'simpson2008-aan',
    citation:
      'Simpson DM et al. Assessment: Botulinum neurotoxin for the treatment of movement disorders. Neurology 2008;70:1699–1706',
    section: '2.1 BoNT (Guideline level)',
    certainty: 'verified',
  },
  {
    id: 'cochrane2020-bont',
    citation:
      'Duarte GS et al. Botulinum toxin type A therapy for hemifacial spasm. Cochrane Database Syst Rev 2020;CD004899.pub3',
    section: '2.1 BoNT (RCT evidence); 6 Epidemiology (Natural history: remission "very rare")',
    certainty: 'verified',
  },
  {
    id: 'rosenstengel2012',
    citation: 'Rosenstengel C et al. Dtsch Arztebl Int 2012;109:667–673',
    section: '2.1 BoNT (Response rate, Duration); 2.2 MVD',
    certainty: 'verified',
  },
  {
    id: 'kemp-reich2004',
    citation: 'Kemp LW, Reich SG. Curr Treat Options Neurol 2004;6:175–179',
    section: '2.1 BoNT (First-line status); 2.3 Oral medication; 3.3 Imaging',
    certainty: 'verified',
  },
  {
    id: 'dantas2025-bont',
    citation: 'Dantas FDM et al. Arq Neuropsiquiatr 2025;83 (151 patients)',
    section: '2.1 BoNT (Onset, Duration, Adverse effects)',
    certainty: 'verified',
  },
  {
    id: 'anzjo1994-bont',
    citation: 'Aust N Z J Ophthalmol 1994;22:255 (PMID 7727103; 70 HFS patients)',
    section: '2.1 BoNT (Duration, Adverse effects)',
    certainty: 'verified',
  },
  {
    id: 'moin2017-bont',
    citation: 'Moin M, Manzoor A. Pak J Ophthalmol 2017;33(2)',
    section: '2.1 BoNT (Onset, Duration, Waning)',
    certainty: 'verified',
  },
  {
    id: 'choe-kim2016-bont',
    citation: 'Choe WJ, Kim J. Acta Otolaryngol 2016',
    section: '2.1 BoNT (Typical dose)',
    certainty: 'verified',
  },
  {
    id: 'mvd-sr2012',
    citation:
      'Safety and effectiveness of microvascular decompression for hemifacial spasm: a systematic review. Br J Neurosurg 2012;26:438–444 (PMID 22168965)',
    section: '2.2 MVD (Complete resolution, Recurrence, Complications)',
    certainty: 'verified',
  },
  {
    id: 'mvd-sr2017',
    citation:
      'MVD for hemifacial spasm: a systematic review of vascular pathology, long term treatment efficacy and safety. Neurol India 2017;65:493–505 (PMID 28488609)',
    section: '2.2 MVD (Complete resolution, long-term)',
    certainty: 'verified',
  },
  {
    id: 'mvd-delayed2022',
    citation: 'J Neurol Surg B Skull Base 2022;83:548 (PMID 36097503; n=175)',
    section: '2.2 MVD (Delayed resolution)',
    certainty: 'verified',
  },
  {
    id: 'payner-tew1996',
    citation:
      '34-patient series and review of >600 patients on recurrence after MVD; attributed to Payner TD, Tew JM, Neurosurgery 1996 (attribution inferred)',
    section: '2.2 MVD (Recurrence)',
    certainty: 'partial',
  },
  {
    id: 'nsqip-mvd',
    citation: 'NSQIP analysis of adverse events after 1,005 MVDs (PMC6825526)',
    section: '2.2 MVD (30-day national data); 4 Predictors (Age, ASA class, Diabetes)',
    certainty: 'verified',
  },
  {
    id: 'estes2023-frailty',
    citation: 'Estes E et al. Stereotact Funct Neurosurg 2023 (DOI 10.1159/000529763)',
    section: '4 Predictors (Frailty)',
    certainty: 'verified',
  },
  {
    id: 'zhao2022-elderly',
    citation: 'Zhao H et al. J Neurol Surg A Cent Eur Neurosurg 2022;83:118 (MVD at ≥70 years)',
    section: '4 Predictors (Age)',
    certainty: 'verified',
  },
  {
    id: 'eurneurol2013-elderly',
    citation: 'Eur Neurol 2013;70(3–4):165 (Samsung Medical Center, MVD at ≥60 years, n=699)',
    section: '4 Predictors (Age)',
    certainty: 'verified',
  },
  {
    id: 'na2018-severity',
    citation: 'Na et al. J Clin Neurol 2018;14:303–309',
    section: '4 Predictors (Spasm severity)',
    certainty: 'verified',
  },
  {
    id: 'thirumala-lsr293',
    citation:
      'Thirumala PD et al. 293-patient lateral spread response series (journal not visible in excerpt)',
    section: '4 Predictors (Preoperative facial weakness); 3.1 Red flags',
    certainty: 'partial',
  },
  {
    id: 'weidemeier-mvd',
    citation: 'Weidemeier ME, Bogaczyk V, Schroeder HWS. Prospective MVD series, n=135 (PMC12955192)',
    section: '2.2 MVD (Large single-centre series; Permanent complications 2.9 %)',
    certainty: 'verified',
  },
  {
    id: 'liu2021-redo',
    citation: 'Liu J et al. Front Neurol 2021;12:687945 (redo MVD)',
    section: '2.2 MVD (Redo MVD); 3.1 Red flags',
    certainty: 'verified',
  },
  {
    id: 'statdx-imaging',
    citation: 'Radiology summary of HFS imaging (StatDx / clinicalpub)',
    section: '3.3 Imaging',
    certainty: 'partial',
  },
  {
    id: 'medscape-gulevich2019',
    citation: 'Gulevich S. Medscape eMedicine 1170722 (2019): medication, differential, epidemiology',
    section: '2.3 Oral medication; 3.1 Red flags (onset age)',
    certainty: 'verified',
  },
  {
    id: 'bandini1999-gabapentin',
    citation: 'Bandini F, Mazzella L. Eur Neurol 1999;42:49–51 (gabapentin, 5 patients)',
    section: '2.3 Oral medication',
    certainty: 'verified',
  },
  {
    id: 'hori1981-rf',
    citation:
      'Hori T, Fukushima T, Terao H, Takakura K, Sano K. J Neurosurg 1981 (fluoroscopy-assisted RF at the stylomastoid foramen, 27 patients)',
    section: '2.4 RF',
    certainty: 'verified',
  },
  {
    id: 'huang2021-rf',
    citation:
      'Huang B, Yao M, Chen Q, Lin H, et al. Awake CT-guided percutaneous SMF puncture and RF ablation of facial nerve for HFS. J Neurosurg 2021 (n=53; excerpt truncated)',
    section: '2.4 RF',
    certainty: 'partial',
  },
  {
    id: 'lin2022-rf',
    citation: 'Lin H, …, Huang B. Pain Physician 2022;25:E1063 (RF, anterior vs posterior approach, n=68)',
    section: '2.4 RF',
    certainty: 'verified',
  },
  {
    id: 'lin2024-rf-mvd',
    citation: 'Lin H, …, Huang B. Pain Physician 2024;27:E355 (RF vs MVD, non-randomised, 158 / 142)',
    section: '2.4 RF',
    certainty: 'verified',
  },
  {
    id: 'jiaxing-thesis-rf',
    citation:
      "Jiaxing University master's thesis, CT-guided RF ablation, retrospective n=125 (not peer-reviewed)",
    section: '2.4 RF',
    certainty: 'partial',
  },
  {
    id: 'palomaki2024-rf',
    citation:
      'Palomäki P et al. Acta Neurochir 2024;166:268 (PMID 38877286; 18 patients, 53 procedures; excerpt truncated)',
    section: '2.4 RF',
    certainty: 'partial',
  },
  {
    id: 'lee2017-natural-history',
    citation:
      'Lee JA, Kim KH, Park K. Stereotact Funct Neurosurg 2017;95:21 (104 untreated patients, highly selected cohort)',
    section: '6 Epidemiology (Natural history)',
    certainty: 'partial',
  },
  {
    id: 'baizabal2017-functional',
    citation: 'Baizabal-Carvallo JF, Jankovic J. J Neurol 2017 (psychogenic vs organic hemifacial spasm)',
    section: '3.1 Red flags (atypical spread; functional features); 3.2 Differential diagnosis',
    certainty: 'verified',
  },
  {
    id: 'galvez-jimenez2001',
    citation: 'Galvez-Jimenez N et al. Semin Neurol 2001;21:75',
    section: '3.1 Red flags',
    certainty: 'verified',
  },
  {
    id: 'general-knowledge',
    citation:
      'No retrieved source: general clinical knowledge, marked ❓ (or absent) in the evidence reference. A clinician must confirm it before relying on it.',
    section: '4 Older patients summary (anticoagulation ❓); not covered (pregnancy, ASA 5)',
    certainty: 'unverified',
  },
  // Instruments (packages/core/src/instruments).
  {
    id: 'jankovic-orman1987-jrs',
    citation:
      'Jankovic J, Orman J. Jankovic Rating Scale (blepharospasm), 1987; wording as reproduced in "Craniofacial Muscles", Park et al., Table 16.2',
    section: '1.3 Jankovic Rating Scale (original blepharospasm wording)',
    certainty: 'verified',
  },
  {
    id: 'neurosurgerywiki-jrs-hfs',
    citation:
      'neurosurgerywiki.com, "Jankovic Rating Scale for Hemifacial Spasm" (a wiki, not a primary source)',
    section: '1.3 Jankovic Rating Scale (HFS-adapted wording)',
    certainty: 'partial',
  },
  {
    id: 'cohen1986-albert',
    citation:
      'Cohen & Albert spasm intensity grading (derived from a blepharospasm intensity scale by Cohen et al., 1986); commonly cited wording, not retrieved',
    section: '1.2 Cohen & Albert grading',
    certainty: 'unverified',
  },
  {
    id: 'tan2005-hfs7',
    citation:
      'Tan EK, Fook-Chong S, Lum SY, Thumboo J. Validation of a short disease specific quality of life scale for hemifacial spasm. J Neurol Neurosurg Psychiatry 2005;76:1707–1710 (HFS-7)',
    section: '1.4 HFS-7',
    certainty: 'verified',
  },
  {
    id: 'tan2004-hfs30',
    citation:
      'Tan EK, Fook-Chong S, Lum SY, Lim E. Botulinum toxin improves quality of life in hemifacial spasm: validation of a questionnaire (HFS-30). J Neurol Sci 2004;219:151–155',
    section: '1.5 HFS-30',
    certainty: 'verified',
  },
  {
    id: 'house-brackmann1985',
    citation:
      'House JW, Brackmann DE. Facial nerve grading system. Otolaryngol Head Neck Surg 1985;93:146–147 (grade table as on Medscape 2172449 and a BMJ table)',
    section: '1.7 House–Brackmann',
    certainty: 'verified',
  },
  {
    id: 'jlo-aao-hns-class-a',
    citation:
      'J Laryngol Otol article on vestibular schwannoma hearing outcomes (AAO-HNS class A: "PTA under 30 dB with WRS exceeding 70%")',
    section: '1.9 Hearing outcome classes (class A)',
    certainty: 'verified',
  },
  {
    id: 'aao-hns1995-hearing',
    citation:
      'AAO-HNS Committee on Hearing and Equilibrium 1995 hearing classes B–D (general knowledge; primary source not retrieved)',
    section: '1.9 Hearing outcome classes (classes B–D)',
    certainty: 'unverified',
  },
  {
    id: 'pmc10480239-reliability',
    citation:
      'Dystonia Coalition five-scale inter-rater reliability study of HFS severity scales on video (PMC10480239; 45 patients, 6 raters)',
    section: '1.1 SMC; 1.2 Cohen; 1.3 JRS (reliability)',
    certainty: 'verified',
  },
  {
    id: 'legare2010-sure',
    citation:
      'Légaré F, Kearing S, Clay K, et al. Are you SURE? Assessing patient decisional conflict with a 4-item screening test. Can Fam Physician 2010;56:e308–e314',
    section: 'Not in the evidence reference: the SURE test used by the web decision aid',
    certainty: 'unverified',
  },
  // Facial-movement test (packages/core/src/movement): the band of measured movement symmetry.
  {
    id: 'house-brackmann1985-measurement',
    citation:
      'House JW, Brackmann DE 1985, "Measurement" column (upward movement of the mid-brow plus outward movement of the mouth corner, 1 point per 0.25 cm up to 1 cm each: grade I 8/8, II 7/8, III 5–6/8, IV 3–4/8, V 1–2/8, VI 0/8), as reproduced by Wikipedia "House–Brackmann score"; the primary table was not retrieved',
    section: 'Not in the evidence reference (§1.7 has the grade features only)',
    certainty: 'partial',
  },
  {
    id: 'hemispasm-movement-band',
    citation:
      "hemispasm's own reading of measured movement symmetry as a House–Brackmann-like band (the other side standing for 8/8); not validated against clinicians' grading",
    section: 'Not in the evidence reference: packages/core/src/movement/README.md',
    certainty: 'unverified',
  },
] as const satisfies readonly Source[];

export type SourceId = (typeof list)[number]['id'];

export const SOURCES: Readonly<Record<SourceId, Source>> = Object.fromEntries(
  list.map((s) => [s.id, s]),
) as Record<SourceId, Source>;

export function getSource(id: SourceId): Source {
  return SOURCES[id];
}
