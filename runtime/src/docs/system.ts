// Catalogue entries for date/time (stdlib/datetime.ts) and system builtins (stdlib/system.ts).

import type { BuiltinDoc } from './types';
import { fnDoc } from './entry';

const t = (sig: string, summary: string, examples: string[], aliases?: string[]): BuiltinDoc => fnDoc('datetime', sig, summary, examples, aliases);

export const datetimeDocs: BuiltinDoc[] = [
  t('(time/now)', 'The current time as a UTC Unix timestamp in seconds, with millisecond fractions.', ['(time/now)  ; => 1707955200.123']),
  t('(time/format timestamp format)', 'Formats a UTC timestamp with strftime directives (`%Y-%m-%d`, `%H:%M:%S`, `%A`, `%B`, `%F`, `%T`, ...).', ['(time/format 1736943000.0 "%Y-%m-%d %H:%M")  ; => "2025-01-15 12:10"']),
  t('(time/parse text format)', 'Parses a date and time (read as UTC) with strftime directives into a timestamp in whole seconds.', ['(time/parse "2025-01-15 12:10:00" "%Y-%m-%d %H:%M:%S")  ; => 1736943000.0']),
  t('(time/date-parts timestamp)', 'A map of `:year :month :day :hour :minute :second` and the `:weekday` name.', ['(:weekday (time/date-parts 0.0))  ; => "Thursday"']),
  t('(time/add timestamp seconds)', 'The timestamp `seconds` later (earlier when negative).', ['(time/add 1736943000.0 3600)  ; => 1736946600.0']),
  t('(time/diff t1 t2)', '`t1` minus `t2`, in seconds.', ['(time/diff 1736943000.0 1736935800.0)  ; => 7200.0']),
  t('(time/now-ms)', 'The current time in Unix milliseconds, as an integer.', ['(time/now-ms)  ; => 1707955200123'], ['time-ms']),
  t('(sleep ms)', 'Pauses for `ms` milliseconds.', ['(sleep 500)']),
];

const s = (sig: string | string[], summary: string, examples: string[]): BuiltinDoc => fnDoc('system', sig, summary, examples);

export const systemDocs: BuiltinDoc[] = [
  s('(env name)', 'The value of an environment variable, or nil when it is not set.', ['(env "HOME")  ; => "/Users/ada"']),
  s('(sys/env-all)', 'Every environment variable, as a map with keyword keys.', ['(:HOME (sys/env-all))']),
  s('(sys/set-env name value)', 'Sets an environment variable for this process.', ['(sys/set-env "KEY" "value")']),
  s('(sys/args)', 'The command line: program name, script path, then the script\'s arguments.', ['(sys/args)  ; => ("sema" "script.sema" "--flag")']),
  s('(sys/cwd)', 'The current working directory.', ['(sys/cwd)']),
  s('(sys/platform)', 'One of "macos", "linux", "windows" or "unknown".', ['(sys/platform)  ; => "linux"']),
  s('(sys/os)', 'The operating system name (`linux`, `macos`, `windows`, `freebsd`, ...).', ['(sys/os)']),
  s('(sys/arch)', 'The CPU architecture (`x86_64`, `aarch64`, ...).', ['(sys/arch)']),
  s('(sys/pid)', 'The process ID.', ['(sys/pid)']),
  s('(sys/tty)', 'The terminal device of stdin, or nil when stdin is not a terminal.', ['(sys/tty)']),
  s('(sys/which name)', 'The full path of an executable found on PATH, or nil.', ['(sys/which "git")']),
  s('(sys/elapsed)', 'Nanoseconds since the process started.', ['(sys/elapsed)']),
  s('(sys/interactive?)', 'True when stdin is a terminal.', ['(sys/interactive?)']),
  s('(sys/hostname)', 'The machine\'s host name.', ['(sys/hostname)']),
  s('(sys/user)', 'The current user name, or nil.', ['(sys/user)']),
  s('(sys/home-dir)', 'The user\'s home directory, or nil.', ['(sys/home-dir)']),
  s('(sys/temp-dir)', 'The directory for temporary files.', ['(sys/temp-dir)  ; => "/tmp"']),
  s('(sys/sema-home)', 'Sema\'s own directory: `$SEMA_HOME`, else `~/.sema`.', ['(sys/sema-home)']),
  s('(sys/config-dir)', 'The platform\'s directory for user configuration.', ['(sys/config-dir)']),
  s('(sys/term-size)', 'The terminal size as `{:rows :cols}`, or nil when output is not a terminal.', ['(sys/term-size)']),
  s(['(shell command)', '(shell program arg ...)'], 'Runs a command (one string: through `sh -c`; several: the program directly) and returns `{:stdout :stderr :exit-code}`.', ['(:stdout (shell "echo hello"))  ; => "hello\\n"']),
  s(['(exit)', '(exit code)'], 'Ends the program with an exit status (0 by default).', ['(exit 1)']),
  {
    ...fnDoc('retry', ['(retry thunk)', '(retry thunk opts)'],
      'Calls `thunk` and returns its value; when it raises an error, waits and calls it again, up to `:max-attempts` times in all, then re-raises the last error. The wait starts at `:base-delay-ms` and is multiplied by `:backoff` each time. Works with any function, not only LLM calls; an interrupt is never retried.',
      ['(retry (lambda () (http/get "https://example.com")))', '(retry (lambda () (llm/complete "Hi")) {:max-attempts 5 :base-delay-ms 200 :backoff 1.5})']),
    options: [
      { name: 'max-attempts', type: 'positive integer', summary: 'Most calls of the thunk in all.', default: '3' },
      { name: 'base-delay-ms', type: 'non-negative integer (ms)', summary: 'Wait before the second call.', default: '100' },
      { name: 'backoff', type: 'non-negative number', summary: 'Factor the wait grows by after each failure.', default: '2.0' },
    ],
  },
];
