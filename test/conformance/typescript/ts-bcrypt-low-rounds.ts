import bcrypt from "bcrypt";

export async function store(password: string, rounds: number): Promise<string[]> {
  // ruleid: ts-bcrypt-low-rounds
  const a: string = await bcrypt.hash(password, 8);
  // ruleid: ts-bcrypt-low-rounds
  const salt = bcrypt.genSaltSync(4);
  // ok: ts-bcrypt-low-rounds
  const b = await bcrypt.hash(password, 12);
  // ok: ts-bcrypt-low-rounds
  const c = await bcrypt.hash(password, 10);
  // ok: ts-bcrypt-low-rounds
  const d = await bcrypt.hash(password, rounds);
  // ok: ts-bcrypt-low-rounds
  const e = await bcrypt.compare(password, a);
  // ok: ts-bcrypt-low-rounds
  const f = bcrypt.hashSync(password, 6); // moat-ignore: ts-bcrypt-low-rounds legacy import path, rehashed on next login
  return [a, salt, b, c, d, String(e), f];
}
