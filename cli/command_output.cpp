#include "command_output.h"

#include "command_line.h"
#include "usage_text.h"

#include <cstdio>

namespace magellan {

void printError(const QString &message) {
    std::fprintf(stderr, "magellan-kv: error: %s\n", message.toLocal8Bit().constData());
}

int usageError(const QString &message) {
    printError(message);
    std::fprintf(stderr, "Try 'magellan-kv --help'.\n");
    return ExitBadInput;
}

QCommandLineOption helpOption() {
    return QCommandLineOption(QStringList{QStringLiteral("h"), QStringLiteral("help")});
}

int printCommandUsage(const QString &command) {
    std::fputs(commandUsageText(command).toLocal8Bit().constData(), stdout);
    return ExitVerified;
}

int exitStatusFor(const Status &status) {
    switch (status.code()) {
    case Status::Code::Ok:
        return ExitVerified;
    case Status::Code::VerificationFailed:
        return ExitMismatch;
    case Status::Code::InvalidInput:
    case Status::Code::Busy:
    case Status::Code::Corrupt:
        return ExitBadInput;
    case Status::Code::Cancelled:
        return ExitInterrupted;
    case Status::Code::IoError:
    case Status::Code::Internal:
        return ExitFailed;
    }
    return ExitFailed;
}

void printJson(const nlohmann::ordered_json &json) {
    const std::string text = json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
    std::fprintf(stdout, "%s\n", text.c_str());
}

} // namespace magellan
