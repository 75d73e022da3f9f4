/**
 * The Lua scripts of the Redis concurrency gate. Each runs atomically in Redis, so any number of
 * processes can take, wait for and give back slots without a race. Time is Redis's own
 * (`TIME`): the processes' clocks need not agree.
 *
 * Keys: `KEYS[1]` is the ticket counter (arrival order); then three per limited key (a tenant
 * or a workflow): its holders (token → expiry, ms), its line (token → ticket) and its waiters'
 * liveness (token → expiry, ms). A holder or waiter that stops renewing (its process died) is
 * dropped once its expiry passes. `ARGV[1]` is the token, `ARGV[2]` the TTL in ms.
 */

/** Drops expired holders and waiters of the key at `i`; defined once, used by every script. */
const PRELUDE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local token = ARGV[1]
local ttl = tonumber(ARGV[2])
local n = (#KEYS - 1) / 3
local function holders(i) return KEYS[3 * i - 1] end
local function line(i) return KEYS[3 * i] end
local function alive(i) return KEYS[3 * i + 1] end
local function sweep(i)
  redis.call('ZREMRANGEBYSCORE', holders(i), '-inf', now)
  local dead = redis.call('ZRANGEBYSCORE', alive(i), '-inf', now)
  for _, gone in ipairs(dead) do
    redis.call('ZREM', line(i), gone)
    redis.call('ZREM', alive(i), gone)
  end
end
-- Keys of an idle tenant or workflow go away by themselves.
local function keep(i)
  for _, key in ipairs({ holders(i), line(i), alive(i) }) do
    redis.call('PEXPIRE', key, ttl * 4)
  end
end
`;

/**
 * Takes a slot of every key when each has one free and the token is first in each line (or
 * the line is empty); else, with `ARGV[3] == '1'`, puts the token in line (once: it keeps its
 * place). `ARGV[4..]` are the limits, in key order. Returns 1 when the slots are taken.
 */
export const ACQUIRE = `${PRELUDE}
local ready = true
for i = 1, n do
  sweep(i)
  if redis.call('ZSCORE', holders(i), token) == false then
    if redis.call('ZCARD', holders(i)) >= tonumber(ARGV[3 + i]) then
      ready = false
    else
      local head = redis.call('ZRANGE', line(i), 0, 0)
      if head[1] ~= nil and head[1] ~= token then ready = false end
    end
  end
end
if ready then
  for i = 1, n do
    redis.call('ZADD', holders(i), now + ttl, token)
    redis.call('ZREM', line(i), token)
    redis.call('ZREM', alive(i), token)
    keep(i)
  end
  return 1
end
if ARGV[3] == '1' then
  local ticket = nil
  if redis.call('ZSCORE', line(1), token) == false then ticket = redis.call('INCR', KEYS[1]) end
  for i = 1, n do
    if ticket then redis.call('ZADD', line(i), 'NX', ticket, token) end
    redis.call('ZADD', alive(i), now + ttl, token)
    keep(i)
  end
end
return 0
`;

/**
 * Whether a run with this token would have to wait: a key is full, or someone else is in its
 * line. `ARGV[3..]` are the limits. Returns 1 or 0.
 */
export const WOULD_WAIT = `${PRELUDE}
for i = 1, n do
  sweep(i)
  if redis.call('ZCARD', holders(i)) >= tonumber(ARGV[2 + i]) then return 1 end
  local head = redis.call('ZRANGE', line(i), 0, 0)
  if head[1] ~= nil and head[1] ~= token then return 1 end
end
return 0
`;

/**
 * Gives the token's slots back and takes it out of line (an abandoned wait), then tells the
 * waiting processes on channel `ARGV[3]`.
 */
export const RELEASE = `${PRELUDE}
for i = 1, n do
  redis.call('ZREM', holders(i), token)
  redis.call('ZREM', line(i), token)
  redis.call('ZREM', alive(i), token)
end
redis.call('PUBLISH', ARGV[3], token)
return 1
`;

/**
 * Extends the token's hold (or its place in line) by the TTL. Returns 0 when it neither holds
 * nor waits any more (it expired: a pause longer than the TTL).
 */
export const RENEW = `${PRELUDE}
local found = 0
for i = 1, n do
  for _, key in ipairs({ holders(i), alive(i) }) do
    if redis.call('ZSCORE', key, token) ~= false then
      redis.call('ZADD', key, now + ttl, token)
      found = 1
    end
  end
  keep(i)
end
return found
`;
