#include "translations.h"

#include "palette_choice.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>

namespace magellan {
namespace {

QChar accented(QChar c) {
    static const QString plain = QStringLiteral("aceinosuyAEIOUNCY");
    static const QString marked = QStringLiteral("áçéîñöšüýÅÉÎÖÛÑÇÝ");
    const qsizetype at = plain.indexOf(c);
    return at < 0 ? c : marked[at];
}

// Length of the markup, placeholder or mnemonic at `at` that must pass through unchanged.
qsizetype keptLength(const QString &text, qsizetype at) {
    const QChar c = text[at];
    if (c == QLatin1Char('<')) {
        const qsizetype end = text.indexOf(QLatin1Char('>'), at);
        return end < 0 ? 1 : end - at + 1;
    }
    if (c == QLatin1Char('%')) {
        qsizetype end = at + 1;
        if (end < text.size() && text[end] == QLatin1Char('L'))
            ++end;
        while (end < text.size() && (text[end].isDigit() || text[end] == QLatin1Char('n') ||
                                     text[end] == QLatin1Char('p')))
            ++end;
        return end - at;
    }
    if (c == QLatin1Char('&')) { // an entity (&middot;) or a mnemonic (&File)
        qsizetype end = at + 1;
        while (end < text.size() && (text[end].isLetterOrNumber() || text[end] == QLatin1Char('#')))
            ++end;
        if (end < text.size() && text[end] == QLatin1Char(';'))
            return end - at + 1;
        return qMin<qsizetype>(2, text.size() - at);
    }
    return 0;
}

} // namespace

QString pseudoLocalized(const QString &source) {
    QString result;
    qsizetype visible = 0;
    for (qsizetype i = 0; i < source.size();) {
        if (const qsizetype kept = keptLength(source, i)) {
            result += source.mid(i, kept);
            i += kept;
            continue;
        }
        result += accented(source[i]);
        visible += source[i].isLetter() ? 1 : 0;
        ++i;
    }
    if (visible == 0)
        return source; // placeholders and symbols only: nothing to translate
    const qsizetype padding = (visible * 2 + 4) / 5; // ~40% longer, as German or Finnish can be
    return QStringLiteral("[") + result + QStringLiteral(" ") + QString(padding, QChar(0x00B7)) +
           QStringLiteral("]");
}

QString PseudoTranslator::translate(const char *context, const char *sourceText,
                                    const char *disambiguation, int n) const {
    Q_UNUSED(context)
    Q_UNUSED(disambiguation)
    Q_UNUSED(n)
    return sourceText ? pseudoLocalized(QString::fromUtf8(sourceText)) : QString();
}

void installTranslators(QApplication &app) {
    if (qEnvironmentVariable("MAGELLAN_KV_LANGUAGE") == QLatin1String("pseudo")) {
        app.installTranslator(new PseudoTranslator(&app));
    } else {
        const QLocale locale;
        auto *qt = new QTranslator(&app);
        if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            app.installTranslator(qt);
        auto *own = new QTranslator(&app);
        if (own->load(locale, QStringLiteral("magellan-kv"), QStringLiteral("_"),
                      QStringLiteral(":/i18n")))
            app.installTranslator(own);
    }
    applyRequestedPalette(app);
}

} // namespace magellan
