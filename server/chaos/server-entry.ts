/** The server the chaos run kills (see ./child-server.ts). */
import { startChildServer } from './child-server';

await startChildServer();
