/** Reading and writing settings (see core/settings.ts for keys, schemas and defaults). */
import { parseSetting, SETTINGS, type SettingKey, type SettingValue } from '@/core/settings';
import * as v from 'valibot';
import type { TalkNotesDatabase } from './db';

export async function getSetting<K extends SettingKey>(
  db: TalkNotesDatabase,
  key: K,
): Promise<SettingValue<K>> {
  const row = await db.settings.get(key);
  return parseSetting(key, row?.value);
}

/** Validates and stores a setting; throws with the reason when the value is not valid. */
export async function setSetting<K extends SettingKey>(
  db: TalkNotesDatabase,
  key: K,
  value: SettingValue<K>,
): Promise<void> {
  const parsed = v.parse(SETTINGS[key].schema, value);
  await db.settings.put({ key, value: parsed });
}
