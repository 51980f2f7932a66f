/**
 * Fixed colours, so a channel (or an outcome, or a tax) has the same colour in every chart and in
 * every report.
 */
import type { ChannelId } from '../../../channels/registry.js';

/** One colour per channel (Tableau 10 hues): imports warm-to-green, exports blue-to-purple. */
export const CHANNEL_COLOURS: Readonly<Record<ChannelId, string>> = {
  '9610-import': '#e15759',
  '1210-import': '#f28e2b',
  '1239-import': '#59a14f',
  '9610-export': '#4e79a7',
  '1210-export': '#76b7b2',
  '9710': '#b07aa1',
  '9810': '#9c755f',
};

/** The colour of a channel id the palette does not know. */
const OTHER = '#bab0ac';

/** A Vega-Lite colour scale over `channels` (in that order) with each channel's fixed colour. */
export function channelScale(channels: readonly string[]): { domain: string[]; range: string[] } {
  const colours: Readonly<Record<string, string>> = CHANNEL_COLOURS;
  return { domain: [...channels], range: channels.map((c) => colours[c] ?? OTHER) };
}
