/** Form building blocks: every form of the app is made of these, so labels, hints and footers look and behave alike. */
export { Checkbox, Field, InputField, TextAreaField } from './Field';
export { FormFooter, type Submission } from './FormFooter';
export { OptionalSelectField, SelectField } from './SelectField';
