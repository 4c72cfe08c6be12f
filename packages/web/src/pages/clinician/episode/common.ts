import type { TreatedSide } from '@hemispasm/core';
import type { NewEpisode } from '../../../api/types';

/** The fields every kind of episode shares, as the form holds them. */
export interface EpisodeCommon {
  startDate: string;
  side: TreatedSide;
  /** Complications (procedures) or side effects (oral medication), already split into items. */
  complications: string[];
}

/** One kind's part of the form: its own fields, controlled by the episode form. */
export interface KindFieldsProps<S> {
  value: S;
  onChange: (value: S) => void;
}

export type EpisodeOf<K extends NewEpisode['kind']> = Extract<NewEpisode, { kind: K }>;
