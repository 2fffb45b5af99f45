// A tiny `--name value` / `--flag` parser, so the harnesses need no dependency for it.

/** Parses argv against defaults: numbers stay numbers, booleans become flags, lists split on ','. */
export function parseArgs(argv, defaults) {
  const options = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new Error(`unexpected argument ${arg}`);
    const [rawName, inline] = arg.slice(2).split('=', 2);
    const name = rawName.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
    if (!(name in defaults)) throw new Error(`unknown option --${rawName}`);
    const current = defaults[name];
    if (typeof current === 'boolean') {
      options[name] = inline === undefined ? true : inline !== 'false';
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`--${rawName} needs a value`);
    if (typeof current === 'number') {
      options[name] = Number(value);
      if (!Number.isFinite(options[name])) throw new Error(`--${rawName} must be a number`);
    } else if (Array.isArray(current)) {
      options[name] = value.split(',').filter(Boolean);
    } else {
      options[name] = value;
    }
  }
  return options;
}
