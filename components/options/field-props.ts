// What a text field of the options form shows and does: the policy's value (locked), or the agent's own.
import type { Settings } from '@/lib/model/settings/settings';

export type TextSetting = Exclude<keyof Settings, 'brands'>;

export interface FieldProps {
  value: string;
  error?: string;
  hint?: string;
  disabled: boolean;
  onInput(text: string): void;
}

export type FieldPropsOf = (field: TextSetting) => FieldProps;
