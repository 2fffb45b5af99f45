import { RedisScript } from './redis-script';

/**
 * KEYS: the (account, client) pair's hash {n: attempts counted as failures, until: ms the next
 * attempt must wait for}, the client's failure counter, the account's failure counter.
 * ARGV: now (ms), free failures, base and longest back-off (ms), window (s), the client's limit
 * (0: exempt, neither checked nor counted), the account's ceiling.
 * Answers {1, n} when the attempt is reserved, {0, seconds to wait} when refused. Refused attempts
 * are not counted, so hammering a closed door does not push it further shut.
 */
export const RESERVE_LOGIN_ATTEMPT = new RedisScript(`
local now = tonumber(ARGV[1])
local free, base, longest = tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local window, clientMax, accountMax = tonumber(ARGV[5]), tonumber(ARGV[6]), tonumber(ARGV[7])
local function wait(key)
  local ttl = redis.call('TTL', key)
  if ttl > 0 then return ttl end
  return window
end
local function count(key)
  if redis.call('INCR', key) == 1 or redis.call('TTL', key) < 0 then
    redis.call('EXPIRE', key, window)
  end
end
local n = tonumber(redis.call('HGET', KEYS[1], 'n') or '0')
local waitUntil = tonumber(redis.call('HGET', KEYS[1], 'until') or '0')
if waitUntil > now then
  return {0, math.ceil((waitUntil - now) / 1000)}
end
if clientMax > 0 and tonumber(redis.call('GET', KEYS[2]) or '0') >= clientMax then
  return {0, wait(KEYS[2])}
end
if n > 0 and tonumber(redis.call('GET', KEYS[3]) or '0') >= accountMax then
  return {0, wait(KEYS[3])}
end
n = redis.call('HINCRBY', KEYS[1], 'n', 1)
local keep = window * 1000
if n >= free then
  local delay = math.min(base * math.pow(2, n - free), longest)
  redis.call('HSET', KEYS[1], 'until', now + delay)
  keep = keep + delay
end
redis.call('PEXPIRE', KEYS[1], keep)
if clientMax > 0 then count(KEYS[2]) end
count(KEYS[3])
return {1, n}
`);

/**
 * A reserved attempt succeeded: the pair starts over and the client's and account's counters get
 * their reservation back (never below 0; a key that expired meanwhile stays gone).
 */
export const SETTLE_LOGIN_SUCCESS = new RedisScript(`
redis.call('DEL', KEYS[1])
for i = 2, 3 do
  if tonumber(redis.call('GET', KEYS[i]) or '0') > 0 then redis.call('DECR', KEYS[i]) end
end
return 1
`);
