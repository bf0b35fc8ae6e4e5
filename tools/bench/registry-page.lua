-- wrk script: GET a random certificate's public page (or, with PATH_PREFIX=/api/public/certificates/, its JSON)
-- from the numbers the bench profile wrote (NUMBERS=<data-dir>/bench-numbers.txt); COUNT limits to the first N.
local file = os.getenv("NUMBERS") or "/tmp/cfp-registry-bench/bench-numbers.txt"
local prefix = os.getenv("PATH_PREFIX") or "/c/"
local limit = tonumber(os.getenv("COUNT") or "0")
local numbers = {}
for line in io.lines(file) do
  if limit == 0 or #numbers < limit then numbers[#numbers + 1] = line end
end
math.randomseed(os.time() + math.floor(os.clock() * 1000000))
request = function()
  return wrk.format("GET", prefix .. numbers[math.random(#numbers)])
end
