import { LuaScript } from './lua-script';

/*
 * The Redis store's atomic steps. Every script gets the key prefix as ARGV[1] and builds its keys
 * from it, because the conversation indexes it touches depend on values it reads. That is fine on
 * one Redis (or Sentinel) and is why Redis Cluster is not supported.
 *
 * A conversation is a hash: `doc` (JSON of everything except the bookkeeping fields), `version`
 * (bumped by every updateConversation, the compare-and-set token), `lastSeq`, `updatedAt`,
 * `lastMessageAt`, `lastCustomerText`, and `mode`/`agent`/`channel` copied out for the indexes.
 * Keeping the bookkeeping outside `doc` lets appendMessage run in one script without a JSON
 * round-trip, and lets it run concurrently with updateConversation without either losing a write.
 */

/** Keeps the sorted-set indexes (score = updatedAt) in line with a conversation's mode and agent. */
const REINDEX = `
local function reindex(p, id, oldMode, oldAgent, newMode, newAgent, channel, score)
  if oldMode and oldMode ~= newMode then redis.call('ZREM', p .. 'convs:mode:' .. oldMode, id) end
  if oldAgent and oldAgent ~= '' and oldAgent ~= newAgent then
    redis.call('ZREM', p .. 'convs:agent:' .. oldAgent, id)
  end
  redis.call('ZADD', p .. 'convs:all', score, id)
  redis.call('ZADD', p .. 'convs:mode:' .. newMode, score, id)
  redis.call('ZADD', p .. 'convs:channel:' .. channel, score, id)
  if newAgent ~= '' then redis.call('ZADD', p .. 'convs:agent:' .. newAgent, score, id) end
end
local function later(a, b)
  if tonumber(a) >= tonumber(b) then return a end
  return b
end
`;

/**
 * Creates a conversation unless one exists for the channel and key; returns the id that is stored.
 * ARGV: prefix, id, channel, key, doc, mode, agent, updatedAt, lastSeq, lastMessageAt ('' = none),
 * hasCustomerText ('1'/'0'), lastCustomerText.
 */
export const CREATE_CONVERSATION = new LuaScript(`${REINDEX}
local p, id, channel = ARGV[1], ARGV[2], ARGV[3]
local byKey = p .. 'convkey:' .. channel .. ':' .. ARGV[4]
local existing = redis.call('GET', byKey)
if existing then return existing end
local h = p .. 'conv:' .. id
redis.call('SET', byKey, id)
redis.call('HSET', h, 'doc', ARGV[5], 'version', 1, 'mode', ARGV[6], 'agent', ARGV[7], 'channel', channel,
  'updatedAt', ARGV[8], 'lastSeq', ARGV[9])
if ARGV[10] ~= '' then redis.call('HSET', h, 'lastMessageAt', ARGV[10]) end
if ARGV[11] == '1' then redis.call('HSET', h, 'lastCustomerText', ARGV[12]) end
reindex(p, id, nil, nil, ARGV[6], ARGV[7], channel, ARGV[8])
return id
`);

/**
 * Writes a conversation's doc if its version is still the one read (compare-and-set).
 * ARGV: prefix, id, expectedVersion, doc, mode, agent, now.
 * Returns {-1} when missing, {0} when another writer got there first, else
 * {1, {updatedAt, lastSeq, lastMessageAt, lastCustomerText}}.
 */
export const UPDATE_CONVERSATION = new LuaScript(`${REINDEX}
local p, id = ARGV[1], ARGV[2]
local h = p .. 'conv:' .. id
local cur = redis.call('HMGET', h, 'version', 'mode', 'agent', 'channel', 'updatedAt')
if not cur[1] then return {-1} end
if cur[1] ~= ARGV[3] then return {0} end
local updatedAt = later(ARGV[7], cur[5])
redis.call('HSET', h, 'doc', ARGV[4], 'version', tonumber(cur[1]) + 1, 'mode', ARGV[5], 'agent', ARGV[6],
  'updatedAt', updatedAt)
reindex(p, id, cur[2], cur[3], ARGV[5], ARGV[6], cur[4], updatedAt)
return {1, redis.call('HMGET', h, 'updatedAt', 'lastSeq', 'lastMessageAt', 'lastCustomerText')}
`);

/**
 * Appends a transcript message with the next sequence number, gap-free.
 * ARGV: prefix, id, message JSON without seq (an object), createdAt, isCustomer ('1'/'0'),
 * customer text, providerId ('' = none), now, pending-since ('' = not pending), externalId ('' = none).
 * Returns the seq, or nil when the conversation is missing.
 */
export const APPEND_MESSAGE = new LuaScript(`${REINDEX}
local p, id = ARGV[1], ARGV[2]
local h = p .. 'conv:' .. id
local cur = redis.call('HMGET', h, 'updatedAt', 'mode', 'agent', 'channel')
if not cur[1] then return false end
local seq = redis.call('HINCRBY', h, 'lastSeq', 1)
redis.call('HSET', p .. 'msgs:' .. id, seq, '{"seq":' .. seq .. ',' .. string.sub(ARGV[3], 2))
local updatedAt = later(ARGV[8], cur[1])
redis.call('HSET', h, 'lastMessageAt', ARGV[4], 'updatedAt', updatedAt)
if ARGV[5] == '1' then redis.call('HSET', h, 'lastCustomerText', ARGV[6]) end
if ARGV[7] ~= '' then redis.call('SET', p .. 'provider:' .. ARGV[7], id .. ' ' .. seq) end
if ARGV[9] ~= '' then redis.call('ZADD', p .. 'pending', ARGV[9], id .. ' ' .. seq) end
if ARGV[10] ~= '' then redis.call('HSET', p .. 'external:' .. id, ARGV[10], seq) end
reindex(p, id, cur[2], cur[3], cur[2], cur[3], cur[4], updatedAt)
return seq
`);

/**
 * Replaces one transcript message if it is still the one read (compare-and-set).
 * ARGV: prefix, id, seq, expected JSON, new JSON, new providerId ('' = none), still pending ('1'/'0').
 * Returns 1 or 0.
 */
export const UPDATE_MESSAGE = new LuaScript(`
local p, id, seq = ARGV[1], ARGV[2], ARGV[3]
local key = p .. 'msgs:' .. id
if redis.call('HGET', key, seq) ~= ARGV[4] then return 0 end
redis.call('HSET', key, seq, ARGV[5])
if ARGV[6] ~= '' then redis.call('SET', p .. 'provider:' .. ARGV[6], id .. ' ' .. seq) end
if ARGV[7] == '0' then redis.call('ZREM', p .. 'pending', id .. ' ' .. seq) end
return 1
`);

/**
 * Saves an agent, keeping usernames unique. ARGV: prefix, id, username, JSON, mode ('create'/'update').
 * Returns 1 when written, 0 when an update found no such agent; errors on a taken id or username.
 */
export const SAVE_AGENT = new LuaScript(`
local p, id, username, mode = ARGV[1], ARGV[2], ARGV[3], ARGV[5]
local agents, names = p .. 'agents', p .. 'agent-names'
local current = redis.call('HGET', agents, id)
if mode == 'create' and current then return redis.error_reply('agent id already exists') end
if mode == 'update' and not current then return 0 end
local owner = redis.call('HGET', names, username)
if owner and owner ~= id then return redis.error_reply('username already taken') end
if current then
  local old = redis.call('HGET', p .. 'agent-name-of', id)
  if old and old ~= username then redis.call('HDEL', names, old) end
end
redis.call('HSET', agents, id, ARGV[4])
redis.call('HSET', names, username, id)
redis.call('HSET', p .. 'agent-name-of', id, username)
return 1
`);
