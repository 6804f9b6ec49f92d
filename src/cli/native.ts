/** Node's own SHA-256 for the engine's hashing (same digests as the portable one, several times faster). */
import { createHash } from "node:crypto";
import { useSha256 } from "../domain/hash";

useSha256((text) => createHash("sha256").update(text, "utf8").digest("hex"));
