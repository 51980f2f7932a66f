import { toMermaid } from '../../channels/mermaid.js';
import { CHANNEL_IDS, getChannel } from '../../channels/registry.js';
import type { Command } from './command.js';
import { badArgument, fileArgument } from './file-argument.js';

const HELP = `Usage: cbec-sim diagram <channel>

Prints the channel's xstate machine as a Mermaid statechart (paste it into any Mermaid viewer).
Channels: ${CHANNEL_IDS.join(', ')}.
`;

export const diagramCommand: Command = {
  name: 'diagram',
  summary: "print a channel's state machine as a Mermaid statechart",
  help: HELP,
  async run(args, io) {
    const parsed = fileArgument(args, io, this.help, {}, 'channel');
    if ('exit' in parsed) return parsed.exit;
    const id = parsed.file;
    if (!(CHANNEL_IDS as readonly string[]).includes(id)) throw badArgument(HELP, '<channel>', id, `is not a channel; use one of ${CHANNEL_IDS.join(', ')}.`);
    io.out(`${toMermaid(getChannel(id).machine)}\n`);
    return 0;
  },
};
