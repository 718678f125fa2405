# The runner's own conformance: word splitting, comments, the shell builtins and coreutils nsnet
# has, command-not-found, a bash syntax error, and the recorder's 20 s line timeout.
# Recorded on the real kernel with: scripts/record-golden.sh -o DIR src/test/resources/dev/nsnet/scenario/runner-basics.sh

echo hello   world
   echo   indented   # a trailing comment
echo a#b '#c' "d # e"
echo -n no newline
echo -e 'tab\there' "x\\y"
echo -ne 'two\nlines\n'
echo "a\"b" 'c\d' e\ f "" x
true
false
exit 3
exit
exit abc
exit 1 2
sleep 0.1
sleep
sleep 1x
sleep -1
nosuchcommand arg
echo 'unterminated
echo "unterminated
sleep 21
echo after the timeout
