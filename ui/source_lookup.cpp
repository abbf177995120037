#include "source_lookup.h"

#include "browse/stored_value.h"

namespace magellan {

SourceLookup::SourceLookup(QObject *parent) : QObject(parent), m_context(new QObject) {
    m_context->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread.setObjectName(QStringLiteral("magellan-kv source lookup"));
    m_thread.start();
}

SourceLookup::~SourceLookup() {
    m_thread.quit();
    m_thread.wait();
}

void SourceLookup::compare(const std::string &key, std::shared_ptr<const std::string> value,
                           KeyLayout layout) {
    const quint64 generation = ++m_generation;
    const QString path = m_sourcePath;
    QMetaObject::invokeMethod(m_context, [this, generation, path, key, value, layout] {
        const QString qkey = QString::fromStdString(key);
        const auto reply = [&](auto emitIt) {
            QMetaObject::invokeMethod(this, [this, generation, emitIt] {
                if (generation == m_generation)
                    emitIt();
            });
        };
        Result<std::unique_ptr<SourceDatabase>> source = SourceDatabase::open(path, 2000);
        if (!source.isOk())
            return reply([this, qkey, message = source.status().message()] {
                Q_EMIT failed(qkey, message);
            });
        Result<SourceInfo> info = source.value()->inspectColumns();
        if (!info.isOk())
            return reply(
                [this, qkey, message = info.status().message()] { Q_EMIT failed(qkey, message); });
        Result<SourceComparison> comparison =
            compareWithSource(*source.value(), info.value(), layout, key, *value);
        if (!comparison.isOk())
            return reply([this, qkey, message = comparison.status().message()] {
                Q_EMIT failed(qkey, message);
            });
        QString filePath;
        if (const auto origin = kvkey::parseKey(key, layout);
            origin && origin->table == SourceTable::AstNodes && origin->groupId)
            filePath = sourceFilePath(*source.value(), *origin->groupId).value_or(QString());
        reply([this, qkey, result = comparison.value(), filePath] {
            Q_EMIT compared(qkey, result, filePath);
        });
    });
}

} // namespace magellan
