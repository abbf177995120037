#include "outcome_text.h"

#include "status_colours.h"

#include <QCoreApplication>
#include <QLocale>

namespace magellan {
namespace {

QString tr(const char *text, int n = -1) {
    return QCoreApplication::translate("magellan::OutcomeText", text, nullptr, n);
}

QString escaped(const QString &text) {
    return text.toHtmlEscaped();
}

} // namespace

QString verdictHtml(const MigrationOutcome &outcome, const QPalette &palette, bool migration) {
    const Status &status = outcome.status;
    const MigrationReport &report = outcome.report;
    const StatusColours colours = statusColours(palette);
    const QLocale locale;
    if (!status.isOk() && status.code() != Status::Code::VerificationFailed)
        return {};
    switch (report.outcome()) {
    case VerificationOutcome::NotVerified:
        return QStringLiteral("<b>%1</b> %2")
            .arg(escaped(tr("Written, not verified.")),
                 escaped(tr("The store was published without reading it back.")));
    case VerificationOutcome::Verified:
        return colouredBold(escaped(tr("✔ Verified: every table matches its source.")),
                            colours.pass) +
               QLatin1Char(' ') +
               escaped(tr("Deep check: the checksum of every row, computed from SQLite and from "
                          "the decoded store, is equal."));
    case VerificationOutcome::VerifiedWithRejects: {
        const auto rejected = static_cast<int>(qMin<qint64>(report.rejectedRows(), INT_MAX));
        return colouredBold(escaped(tr("⚠ Verified with %n rejected row(s).", rejected)),
                            colours.warning) +
               QLatin1Char(' ') +
               escaped(tr("Every table matches its source, but %1 row(s) could not be carried as "
                          "values: each is kept in the store as reject:{table}:{rowid}, with the "
                          "reason, and listed below.",
                          rejected)
                           .arg(locale.toString(report.rejectedRows())));
    }
    case VerificationOutcome::Failed:
        break;
    }
    const auto differences = static_cast<int>(qMin<qint64>(report.differences.total(), INT_MAX));
    QString text =
        colouredBold(escaped(report.differences.total() > 0
                                 ? tr("✘ Verification failed: %n difference(s).", differences)
                                 : tr("✘ Verification failed.")),
                     colours.fail);
    QString detail = migration ? tr("The store was not published.") : QString();
    if (report.differences.total() > qint64(report.differences.listed().size()))
        detail += (detail.isEmpty() ? QString() : QStringLiteral(" ")) +
                  tr("The first %1 are listed below; the exported report holds them too.")
                      .arg(locale.toString(qint64(report.differences.listed().size())));
    else if (report.differences.total() > 0)
        detail += (detail.isEmpty() ? QString() : QStringLiteral(" ")) +
                  tr("Each is listed below; export the report to keep the list.");
    else
        detail += (detail.isEmpty() ? QString() : QStringLiteral(" ")) + status.message();
    return text + QLatin1Char(' ') + escaped(detail);
}

} // namespace magellan
