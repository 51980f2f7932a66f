import { toMermaid } from '../../channels/mermaid.js';
import { CHANNEL_IDS, getChannel } from '../../channels/registry.js';
import type { Command } from './command.js';

export const diagramCommand: Command = {
  name: 'diagram',
  summary: "print a channel's state machine as a Mermaid statechart",
  help: `Usage: cbec-sim diagram <channel>

Prints the channel's xstate machine as a Mermaid statechart (paste it into any Mermaid viewer).
Channels: ${CHANNEL_IDS.join(', ')}.
`,
  async run(args, io) {
    const id = args[0];
    if (id === '--help' || id === '-h') {
      io.out(this.help);
      return 0;
    }
    if (!id) {
      io.err(this.help);
      return 2;
    }
    io.out(`${toMermaid(getChannel(id).machine)}\n`);
    return 0;
  },
};
