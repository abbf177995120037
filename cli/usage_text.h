#pragma once

#include <QString>

namespace magellan {

// What `magellan-kv --help` prints: every form, command, option and exit status. help2man reads
// it for the man page (packaging/man/), so its headings are the page's sections.
QString usageText();

// What `magellan-kv COMMAND --help` prints: that command's usage, what it does, its options and,
// for migrate and verify, the exit statuses. Empty when `command` names no command.
QString commandUsageText(const QString &command);

} // namespace magellan
