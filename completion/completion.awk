# completion/completion.awk: the bash and zsh completion scripts, from the
# options spec of every command (include/hourbook/cli.h: tab-separated
# "command", "option" and "operand" lines).  Run by generate.sh with
#   -v bash_in=hourbook.bash.in -v bash_out=FILE
#   -v zsh_in=_hourbook.in -v zsh_out=FILE
# Each template is copied with @COMMANDS@ replaced by the commands' names
# and the line @TABLES@ by what this script writes from the spec.
BEGIN {
	FS = "\t"
	ncmd = 0
}

$1 == "command" {
	cmd = $2
	commands[++ncmd] = cmd
	nopt[cmd] = 0
	noperand[cmd] = 0
	next
}

$1 == "option" {
	if (cmd == "")
		die("an option before any command")
	i = ++nopt[cmd]
	opt_long[cmd, i] = $2
	opt_short[cmd, i] = $3
	opt_arg[cmd, i] = $4
	opt_type[cmd, i] = $5
	opt_names[cmd, i] = $6
	opt_choices[cmd, i] = $7
	opt_help[cmd, i] = $8
	next
}

$1 == "operand" {
	if (cmd == "")
		die("an operand before any command")
	i = ++noperand[cmd]
	operand_position[cmd, i] = $2
	operand_arg[cmd, i] = $3
	operand_type[cmd, i] = $4
	operand_names[cmd, i] = $5
	operand_choices[cmd, i] = $6
	next
}

NF > 0 {
	die("line " NR ": \"" $1 "\" is not command, option or operand")
}

function die(why) {
	printf "completion.awk: %s\n", why > "/dev/stderr"
	failed = 1
	exit 1
}

# A word in single quotes, for either shell.
function quote(s) {
	gsub(/'/, "'\\''", s)
	return "'" s "'"
}

function spaced(s) {
	gsub(/,/, " ", s)
	return s
}

# ---- bash ---------------------------------------------------------------

# The shell assignments that say what a value is (see hourbook.bash.in).
function bash_value(arg, type, names, choices) {
	return "_hb_arg=" quote(arg) " _hb_type=" quote(type) \
	    " _hb_names=" quote(names) " _hb_choices=" quote(spaced(choices))
}

function bash_tables(out,    c, name, i, words, pattern, star) {
	print "_hourbook_options() {" > out
	print "\tcase $1 in" > out
	for (c = 1; c <= ncmd; c++) {
		name = commands[c]
		words = ""
		for (i = 1; i <= nopt[name]; i++) {
			words = words (words == "" ? "" : " ") "--" opt_long[name, i]
			if (opt_short[name, i] != "")
				words = words " -" opt_short[name, i]
		}
		print "\t" quote(name) ") _hb_words=" quote(words) " ;;" > out
	}
	print "\t*) _hb_words= ;;" > out
	print "\tesac" > out
	print "}" > out
	print "" > out
	print "_hourbook_option() {" > out
	print "\t_hb_arg= _hb_type= _hb_names= _hb_choices=" > out
	print "\tcase \"$1 $2\" in" > out
	for (c = 1; c <= ncmd; c++) {
		name = commands[c]
		for (i = 1; i <= nopt[name]; i++) {
			pattern = quote(name " --" opt_long[name, i])
			if (opt_short[name, i] != "")
				pattern = pattern "|" quote(name " -" opt_short[name, i])
			print "\t" pattern ")\n\t\t" bash_value(opt_arg[name, i],
			    opt_type[name, i], opt_names[name, i],
			    opt_choices[name, i]) " ;;" > out
		}
	}
	print "\tesac" > out
	print "}" > out
	print "" > out
	print "_hourbook_operand() {" > out
	print "\t_hb_arg= _hb_type= _hb_names= _hb_choices=" > out
	print "\tcase \"$1 $2\" in" > out
	# The operands at a position first: "TASK ..." matches the rest.
	for (star = 0; star <= 1; star++)
		for (c = 1; c <= ncmd; c++) {
			name = commands[c]
			for (i = 1; i <= noperand[name]; i++) {
				if ((operand_position[name, i] == "*") != star)
					continue
				pattern = star ? quote(name " ") "*" \
				    : quote(name " " operand_position[name, i])
				print "\t" pattern ")\n\t\t" \
				    bash_value(operand_arg[name, i],
				    operand_type[name, i], operand_names[name, i],
				    operand_choices[name, i]) " ;;" > out
			}
		}
	print "\tesac" > out
	print "}" > out
}

# ---- zsh ----------------------------------------------------------------

# A text between the brackets of an _arguments spec.
function zsh_description(s) {
	gsub(/\\/, "\\\\", s)
	gsub(/\[/, "\\[", s)
	gsub(/\]/, "\\]", s)
	return s
}

function zsh_message(s) {
	gsub(/\\/, "\\\\", s)
	gsub(/:/, "\\:", s)
	return s
}

function zsh_action(arg, type, names, choices) {
	if (names != "")
		return "_hourbook_book " names
	if (type == "choice")
		return "(" spaced(choices) ")"
	if (type == "choices")
		return "_values -s , " arg " " spaced(choices)
	if (type == "file")
		return "_files"
	return " "
}

function zsh_option(name, i,    long, short, value, spec) {
	long = "--" opt_long[name, i]
	short = opt_short[name, i] == "" ? "" : "-" opt_short[name, i]
	value = opt_type[name, i] != "flag"
	spec = "[" zsh_description(opt_help[name, i]) "]"
	if (value)
		spec = spec ":" zsh_message(opt_arg[name, i]) ":" \
		    zsh_action(opt_arg[name, i], opt_type[name, i],
		    opt_names[name, i], opt_choices[name, i])
	if (short == "")
		return quote(long (value ? "=" : "") spec)
	return quote("(" short " " long ")") "{" short (value ? "+" : "") "," \
	    long (value ? "=" : "") "}" quote(spec)
}

function zsh_tables(out,    c, name, i, position) {
	for (c = 1; c <= ncmd; c++) {
		name = commands[c]
		print "_hourbook_" name "() {" > out
		printf "\t_arguments -s -S" > out
		for (i = 1; i <= nopt[name]; i++)
			printf " \\\n\t\t%s", zsh_option(name, i) > out
		for (i = 1; i <= noperand[name]; i++) {
			position = operand_position[name, i]
			printf " \\\n\t\t%s", quote(position ":" \
			    zsh_message(operand_arg[name, i]) ":" \
			    zsh_action(operand_arg[name, i], operand_type[name, i],
			    operand_names[name, i], operand_choices[name, i])) > out
		}
		print "" > out
		print "}" > out
		print "" > out
	}
}

# ---- the templates ------------------------------------------------------

function fill(template, out, shell,    line, names, c, n) {
	names = ""
	for (c = 1; c <= ncmd; c++)
		names = names (c == 1 ? "" : " ") commands[c]
	while ((n = (getline line < template)) > 0) {
		if (line == "@TABLES@") {
			if (shell == "bash")
				bash_tables(out)
			else
				zsh_tables(out)
			continue
		}
		gsub(/@COMMANDS@/, names, line)
		print line > out
	}
	if (n < 0)
		die("cannot read " template)
	close(template)
	if (close(out) != 0)
		die("cannot write " out)
}

END {
	if (failed)
		exit 1
	if (ncmd == 0)
		die("the spec names no command")
	fill(bash_in, bash_out, "bash")
	fill(zsh_in, zsh_out, "zsh")
}
