-- wrk: posts the activity in the file named by BODY, with {{N}} replaced by a number of its own in
-- each request (activity ids, card ids), to the bot endpoint. The number starts with the run's own
-- prefix (RUN, or the time), so that a second run does not repeat the first's card submissions,
-- which the bot would rightly answer as duplicates.
local template
local counter = 0
local thread_id = 0
local run = os.getenv("RUN") or tostring(os.time())

function setup(thread)
  thread_id = thread_id + 1
  thread:set("tid", run .. "-" .. thread_id)
end

function init(args)
  local file = assert(io.open(os.getenv("BODY"), "r"))
  template = file:read("*a")
  file:close()
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  counter = counter + 1
  local body = template:gsub("{{N}}", tostring(tid) .. "-" .. tostring(counter))
  return wrk.format(nil, nil, nil, body)
end

function done(summary, latency, requests)
  local non2xx = summary.errors.status
  io.write(string.format("RESULT requests=%d seconds=%.3f rps=%.1f p50_ms=%.2f p99_ms=%.2f errors=%d non2xx=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, non2xx))
end
