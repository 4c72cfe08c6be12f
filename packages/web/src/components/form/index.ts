/** Form building blocks: every form of the app is made of these, so labels, hints and footers look and behave alike. */
export { bindChecks, bindFields } from './bind';
export { Checkbox, DateField, Field, InputField, NumberField, TextAreaField } from './Field';
export { FormFooter, type Submission } from './FormFooter';
export { type Choice, choicesOf, SelectField } from './SelectField';
