// Bounds every room message and setting obeys; shared so phones and the console can say them.

/** Largest client message the room accepts, measured as JSON text. */
export const MAX_MESSAGE_BYTES = 4 * 1024;
/** Participants per room unless the facilitator sets another cap. */
export const DEFAULT_ROOM_CAP = 60;
/** The highest cap a room can be given (the benchmark's largest room). */
export const MAX_ROOM_CAP = 2000;
export const MAX_DISPLAY_NAME = 40;
export const MAX_RATIONALE = 140;
/** Client messages per second before the room refuses more (with an error, the client stays). */
export const MAX_MESSAGES_PER_SECOND = 10;
/** Run inputs one control message may carry; longer runs are sent in several. */
export const MAX_EVENTS_PER_MESSAGE = 40;
/** Run inputs a room accepts in all (a long exercise has a few hundred clock ticks). */
export const MAX_RUN_INPUTS = 20_000;
/** Join and create attempts per address per minute (HTTP matchmaking), against code guessing. */
export const JOINS_PER_MINUTE = 20;
export const ROOM_NAME = 'workshop';
