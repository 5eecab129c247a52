import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { check, checkError, show } from './harness';
import { Interpreter } from '../../src/eval/interpreter';

// Each test runs in a scratch repository (process.cwd() is what git/* look at).
const home = process.cwd();
const base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sema-git-')));
const repo = path.join(base, 'repo');
const identity = { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' };
Object.assign(process.env, identity, { GIT_CONFIG_NOSYSTEM: '1', GIT_CEILING_DIRECTORIES: base });
const sh = (...args: string[]): string => execFileSync('git', args, { cwd: repo, encoding: 'utf8' });

fs.mkdirSync(repo);
sh('init', '-q', '-b', 'main');
fs.writeFileSync(path.join(repo, 'a.txt'), 'one\n');
fs.writeFileSync(path.join(repo, 'old name.txt'), 'moved\n');
fs.writeFileSync(path.join(repo, '.gitignore'), 'target/\n');
sh('add', '.');
sh('commit', '-q', '-m', 'first');
fs.writeFileSync(path.join(repo, 'b.txt'), 'two\n');
sh('add', 'b.txt');
sh('commit', '-q', '-m', 'second');
process.chdir(repo);
test.after(() => {
  process.chdir(home);
  fs.rmSync(base, { recursive: true, force: true });
});

test('git/root, git/current-branch and git/recent-files read the repository', () => {
  check([
    ['(git/root)', JSON.stringify(repo)],
    ['(git/current-branch)', '"main"'],
    ['(git/recent-files 1)', '("b.txt")'],
    ['(git/recent-files)', '("b.txt" ".gitignore" "a.txt" "old name.txt")'],
  ]);
  checkError('(git/recent-files "2")', 'expected int, got string');
});

test('git/status parses staged, unstaged, untracked and renamed paths exactly', () => {
  fs.writeFileSync(path.join(repo, 'a.txt'), 'one\nmore\n');
  fs.writeFileSync(path.join(repo, 'ünï code.txt'), 'new\n');
  sh('mv', 'old name.txt', 'new name.txt');
  try {
    assert.equal(show('(git/status)'),
      '({:path "a.txt" :staged #f :status " M" :untracked #f} {:path "new name.txt" :staged #t :status "R " :untracked #f} {:path "ünï code.txt" :staged #f :status "??" :untracked #t})');
    check([
      ['(git/changed-files)', '("a.txt" "new name.txt" "ünï code.txt")'],
      ['(git/diff-files)', '("a.txt")'],
      ['(git/diff "a.txt")', JSON.stringify(sh('diff', '--', 'a.txt'))],
      ['(diff/stat (git/diff))', '{:added 1 :hunks 1 :removed 0}'],
      ['(git/diff "b.txt")', '""'],
    ]);
  } finally {
    sh('mv', 'new name.txt', 'old name.txt');
    sh('checkout', '-q', '--', 'a.txt');
    fs.rmSync(path.join(repo, 'ünï code.txt'));
  }
  check([['(git/status)', '()']]);
});

test('git/ignore-matches? answers from .gitignore, even for names that look like options', () => {
  check([
    ['(git/ignore-matches? "target/x")', '#t'],
    ['(git/ignore-matches? "a.txt")', '#f'],
    ['(git/ignore-matches? "--version")', '#f'],
  ]);
});

test('outside a repository, or without git, the error says so', () => {
  process.chdir(base);
  try {
    checkError('(git/root)', 'git rev-parse --show-toplevel: fatal: not a git repository');
    checkError('(git/status)', 'not a git repository');
    checkError('(git/ignore-matches? "x")', 'git check-ignore x: exit 128: fatal: not a git repository');
    const pathVar = process.env.PATH;
    process.env.PATH = path.join(base, 'no-such-dir');
    try {
      checkError('(git/root)', 'git: failed to run `git` (is it installed and on PATH?): No such file or directory', 'io');
    } finally {
      process.env.PATH = pathVar;
    }
  } finally {
    process.chdir(repo);
  }
});

test('git/* need the process capability', () => {
  const sandboxed = new Interpreter({ sandbox: { denied: ['process'] }, stdout: () => {}, stderr: () => {} });
  assert.throws(() => sandboxed.evalString('(git/status)'), /Permission denied: git\/status requires 'process' capability/);
  assert.throws(() => sandboxed.evalString('(git/ignore-matches? "x")'), /requires 'process' capability/);
});
