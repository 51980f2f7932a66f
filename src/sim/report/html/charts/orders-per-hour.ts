import { channelScale } from '../colours.js';
import { CHART_WIDTH, HOUR_AXIS, wallClock, type ChartDefinition } from '../chart.js';

/** Orders created per hour, stacked by channel: the arrival curve each channel saw. */
export const ordersPerHourChart: ChartDefinition = {
  id: 'orders-per-hour',
  title: 'Orders per hour by channel',
  caption: 'Orders created in each simulated hour (Shanghai time), stacked by channel.',
  emptyNote: 'No orders were created in this run.',
  spec(report) {
    const values = report.channels.flatMap((c, rank) => c.ordersPerHour.map((h) => ({ channel: c.channel, rank, time: wallClock(h.hour), orders: h.orders })));
    if (values.length === 0) return undefined;
    return {
      width: CHART_WIDTH,
      height: 260,
      data: { values },
      mark: { type: 'bar' },
      encoding: {
        x: HOUR_AXIS,
        y: { field: 'orders', type: 'quantitative', aggregate: 'sum', title: 'Orders', stack: 'zero' },
        color: { field: 'channel', type: 'nominal', title: 'Channel', scale: channelScale(report.channels.map((c) => c.channel)) },
        order: { field: 'rank', type: 'quantitative' },
      },
    };
  },
};
