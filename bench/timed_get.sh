# Sourced by the benchmark scripts. timed_get TOKEN URL prints how many seconds a GET took, and
# stops the benchmark when the answer is not 200: a fast error must never pass for a fast answer.
timed_get() {
  local out
  out=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H "Authorization: Bearer $1" "$2")
  if [ "${out%% *}" != 200 ]; then
    echo "bench: GET $2 answered ${out%% *}, not 200; stopping" >&2
    exit 1
  fi
  echo "${out#* }"
}
