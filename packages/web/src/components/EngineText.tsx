import { useTranslation } from 'react-i18next';
import { engineText } from '../i18n/engine-zh';

/** Text from a decision-engine result in the UI language; English without a translation is marked `lang="en"`. */
export function EngineText({ text }: { text: string }) {
  const { i18n } = useTranslation();
  const shown = engineText(text, i18n.language);
  return shown.lang ? <span lang={shown.lang}>{shown.text}</span> : shown.text;
}
