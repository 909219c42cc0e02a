// A small callback-data codec (as in the grammY bot template): `id:field1:field2`, each value
// URI-encoded, at most 64 bytes (Telegram's limit), with a filter for bot.callbackQuery().
export type FieldType = "string" | "number";
type Values<F extends Record<string, FieldType>> = { [K in keyof F]: F[K] extends "number" ? number : string };

export const CALLBACK_DATA_LIMIT = 64;

export interface CallbackData<F extends Record<string, FieldType>> {
  readonly id: string;
  pack(values: Values<F>): string;
  /** The values, or undefined when `data` is not this kind or is malformed. */
  unpack(data: string): Values<F> | undefined;
  /** For `composer.callbackQuery(codec.filter(), …)`. */
  filter(): RegExp;
}

export function createCallbackData<F extends Record<string, FieldType>>(id: string, fields: F): CallbackData<F> {
  if (!/^[a-z0-9_-]+$/i.test(id)) throw new Error(`bad callback data id: ${id}`);
  const keys = Object.keys(fields) as (keyof F & string)[];
  return {
    id,
    pack(values) {
      const parts = keys.map((k) => {
        const v = values[k];
        if (fields[k] === "number" && !Number.isSafeInteger(v)) throw new Error(`callback data ${id}.${k}: not an integer`);
        return encodeURIComponent(String(v));
      });
      const data = [id, ...parts].join(":");
      if (Buffer.byteLength(data) > CALLBACK_DATA_LIMIT) throw new Error(`callback data over ${CALLBACK_DATA_LIMIT} bytes: ${data}`);
      return data;
    },
    unpack(data) {
      const [head, ...parts] = data.split(":");
      if (head !== id || parts.length !== keys.length) return undefined;
      const out: Record<string, string | number> = {};
      for (const [i, k] of keys.entries()) {
        let raw: string;
        try {
          raw = decodeURIComponent(parts[i]!);
        } catch {
          return undefined;
        }
        if (fields[k] === "number") {
          if (!/^-?\d+$/.test(raw)) return undefined;
          out[k] = Number(raw);
        } else out[k] = raw;
      }
      return out as Values<F>;
    },
    filter() {
      return new RegExp(`^${id}:`);
    },
  };
}
