// The history suite's take-home, shared by its generator and its tests.
export const STARTER_SOURCE = 'pub fn starter(x: Option<u8>) -> u8 {\n    x.unwrap()\n}\n';
export const CANDIDATE_SOURCE = `${STARTER_SOURCE}\npub fn mine(x: Option<u8>) -> u8 {\n    x.unwrap() + 1\n}\n`;
/** Zero-based lines of the unwraps: the starter's, and the candidate's. */
export const STARTER_UNWRAP_LINE = 1;
export const CANDIDATE_UNWRAP_LINE = 5;
