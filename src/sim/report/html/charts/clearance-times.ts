import type { ChannelReport } from '../../types.js';
import { channelScale } from '../colours.js';
import { CHART_WIDTH, type ChartDefinition } from '../chart.js';

const duration = (minutes: number): string => (minutes >= 1440 ? `${minutes / 1440} d` : minutes >= 60 ? `${minutes / 60} h` : `${minutes} min`);

/** Bucket labels in order: `≤ 5 min`, ..., `≤ 2 d`, and `> 2 d` for the open-ended last bucket. */
function bucketLabels(buckets: ChannelReport['clearanceBuckets']): string[] {
  return buckets.map((b, i) => (b.upToMinutes !== null ? `≤ ${duration(b.upToMinutes)}` : `> ${duration(buckets[i - 1]?.upToMinutes ?? 0)}`));
}

/** Each channel's released lists by clearance time, as a share of that channel's lists. */
export const clearanceTimesChart: ChartDefinition = {
  id: 'clearance-times',
  title: 'Clearance time by channel',
  caption: "Time from list declaration to release, as a share of each channel's released lists, so small and large channels compare.",
  emptyNote: 'No list was released in this run.',
  spec(report) {
    const channels = report.channels.filter((c) => c.clearanceBuckets.some((b) => b.lists > 0));
    if (channels.length === 0) return undefined;
    const labels = bucketLabels(channels[0]?.clearanceBuckets ?? []);
    const values = channels.flatMap((c) => {
      const released = c.clearanceBuckets.reduce((n, b) => n + b.lists, 0);
      const own = bucketLabels(c.clearanceBuckets);
      return c.clearanceBuckets.map((b, i) => ({ channel: c.channel, bucket: own[i], share: b.lists / released }));
    });
    return {
      width: CHART_WIDTH,
      height: 260,
      data: { values },
      mark: { type: 'bar' },
      encoding: {
        x: { field: 'bucket', type: 'ordinal', sort: labels, title: 'Released within', axis: { labelAngle: 0 } },
        xOffset: { field: 'channel', type: 'nominal', sort: channels.map((c) => c.channel) },
        y: { field: 'share', type: 'quantitative', title: "Share of the channel's lists", axis: { format: '.0%' } },
        color: { field: 'channel', type: 'nominal', title: 'Channel', scale: channelScale(channels.map((c) => c.channel)) },
      },
    };
  },
};
