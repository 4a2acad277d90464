/** Random, collision-free record ids (UUID v4). */
export function newId(): string {
  return crypto.randomUUID();
}
