-- wrk script: GET every number once in order (then around again), to render and cache each page before measuring.
local file = os.getenv("NUMBERS") or "/tmp/cfp-registry-bench/bench-numbers.txt"
local prefix = os.getenv("PATH_PREFIX") or "/c/"
local numbers = {}
local limit = tonumber(os.getenv("COUNT") or "0")
for line in io.lines(file) do
  if limit == 0 or #numbers < limit then numbers[#numbers + 1] = line end
end
local threads = 0
function setup(thread)
  thread:set("offset", threads)
  threads = threads + 1
end
local i = nil
request = function()
  if i == nil then i = offset or 0 end
  local n = numbers[(i % #numbers) + 1]
  i = i + 2
  return wrk.format("GET", prefix .. n)
end
