# Errors of the job builtins as bash 5.2 prints them in a script (bash: line 1: ...).
jobs
wait
wait %1
wait 3999999
wait abc
wait -z
kill
kill %1
kill 3999999
kill abc
kill -FOO %1
kill -s
kill -s BOGUS %1
jobs %1
jobs -z
kill -l 15
kill -l TERM
kill -l 130
nosuchcommand &
jobs
kill -l
kill -l 34 RTMIN+2 64 SIGRTMAX-3 33 0 99 HUP
