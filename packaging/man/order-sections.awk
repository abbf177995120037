# Usage: awk -v order="NAME|SYNOPSIS|..." -v output=PAGE -f order-sections.awk UNORDERED_PAGE
# Writes the man page with its .SH sections in the order given: help2man always puts OPTIONS
# before the sections it learns from --help. A section not in the order fails the build, so a new
# heading in --help cannot drop out of the page unseen.
BEGIN {
    count = split(order, names, "|")
    for (i = 1; i <= count; i++)
        wanted[names[i]] = 1
}
/^\.SH / {
    section = substr($0, 5)
    gsub(/"/, "", section)
    if (!(section in wanted)) {
        printf "order-sections: the man page has a section %s that is not in the order\n", section > "/dev/stderr"
        failed = 1
        exit 1
    }
}
{
    if (section == "")
        head = head $0 "\n"
    else
        text[section] = text[section] $0 "\n"
}
END {
    if (failed)
        exit 1
    printf "%s", head > output
    for (i = 1; i <= count; i++)
        printf "%s", text[names[i]] > output
}
