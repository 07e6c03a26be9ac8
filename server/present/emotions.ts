import type { Emotion } from '../../generated/client/types.gen.js';
import type { EmotionRow } from '../store/emotions.js';

export function presentEmotion(row: EmotionRow): Emotion {
  return { id: row.id, object: 'emotion', name: row.name };
}
