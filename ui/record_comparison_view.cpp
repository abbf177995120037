#include "record_comparison_view.h"

#include "field_comparison_model.h"
#include "status_colours.h"

#include <QCheckBox>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeView>
#include <QVBoxLayout>

namespace magellan {

RecordComparisonView::RecordComparisonView(QWidget *parent) : QWidget(parent) {
    m_model = new FieldComparisonModel(this);
    m_model->setColours(statusColours(palette()));

    m_differencesOnly = new QCheckBox(tr("&Differences only"), this);
    m_differencesOnly->setToolTip(tr("Hide identical records and identical fields"));
    m_previous = new QPushButton(tr("Pre&vious difference"), this);
    m_previous->setToolTip(tr("Select the previous differing field (Shift+F8)"));
    m_next = new QPushButton(tr("Ne&xt difference"), this);
    m_next->setToolTip(tr("Select the next differing field (F8)"));
    // Window-wide while this view is shown, so they work from the key list too.
    connect(new QShortcut(QKeySequence(Qt::Key_F8), this), &QShortcut::activated, this,
            &RecordComparisonView::showNextDifference);
    connect(new QShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F8), this), &QShortcut::activated, this,
            &RecordComparisonView::showPreviousDifference);
    connect(m_next, &QPushButton::clicked, this, &RecordComparisonView::showNextDifference);
    connect(m_previous, &QPushButton::clicked, this, &RecordComparisonView::showPreviousDifference);

    m_tree = new QTreeView(this);
    m_tree->setModel(m_model);
    m_tree->setAccessibleName(tr("Fields compared with the source"));
    m_tree->setUniformRowHeights(true);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setTextElideMode(Qt::ElideRight);
    m_tree->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(FieldComparisonModel::Field, QHeaderView::Interactive);
    m_tree->header()->setSectionResizeMode(FieldComparisonModel::Source, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(FieldComparisonModel::Store, QHeaderView::Stretch);
    m_tree->header()->resizeSection(FieldComparisonModel::Field, 220);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { showDetail(current); });

    m_detail = new QTextBrowser(this);
    m_detail->setLineWrapMode(QTextEdit::NoWrap);
    m_detail->setAccessibleName(tr("Where the selected field differs"));
    m_detail->setPlaceholderText(tr("Select a differing field to see where its values part."));

    connect(m_differencesOnly, &QCheckBox::toggled, this, [this](bool on) {
        const QModelIndex current = m_tree->currentIndex();
        const QString record = current.data(FieldComparisonModel::RecordLabelRole).toString();
        const QString field = current.data(FieldComparisonModel::FieldNameRole).toString();
        m_model->setDifferencesOnly(on);
        expandDiffering();
        const QModelIndex again = m_model->find(record, field);
        select(again.isValid() ? again : m_model->nextDifference({}));
    });

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_differencesOnly);
    buttons->addStretch(1);
    buttons->addWidget(m_previous);
    buttons->addWidget(m_next);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_tree);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 4);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(split, 1);
    setTabOrder(m_differencesOnly, m_previous);
    setTabOrder(m_previous, m_next);
    setTabOrder(m_next, m_tree);
    setTabOrder(m_tree, m_detail);
    updateButtons();
}

void RecordComparisonView::setRecords(const std::vector<RecordComparison> &records) {
    m_model->setRecords(records);
    expandDiffering();
    updateButtons();
    const QModelIndex first = m_model->nextDifference({});
    select(first.isValid() ? first : m_model->index(0, 0));
}

void RecordComparisonView::clear() {
    m_model->clear();
    m_detail->clear();
    updateButtons();
}

QString RecordComparisonView::detailText() const {
    return m_detail->toPlainText();
}

bool RecordComparisonView::showField(const QString &recordLabel, const QString &field) {
    QModelIndex found = m_model->find(recordLabel, field);
    if (!found.isValid() && m_differencesOnly->isChecked()) {
        m_differencesOnly->setChecked(false); // it may be one of the identical ones
        found = m_model->find(recordLabel, field);
    }
    if (found.isValid())
        select(found);
    return found.isValid();
}

void RecordComparisonView::showNextDifference() {
    if (const QModelIndex next = m_model->nextDifference(m_tree->currentIndex()); next.isValid())
        select(next);
}

void RecordComparisonView::showPreviousDifference() {
    if (const QModelIndex previous = m_model->previousDifference(m_tree->currentIndex());
        previous.isValid())
        select(previous);
}

void RecordComparisonView::changeEvent(QEvent *event) {
    if (event->type() == QEvent::PaletteChange)
        m_model->setColours(statusColours(palette()));
    QWidget::changeEvent(event);
}

void RecordComparisonView::select(const QModelIndex &index) {
    if (!index.isValid())
        return;
    if (index.parent().isValid())
        m_tree->expand(index.parent());
    m_tree->setCurrentIndex(index);
    scrollToCurrent();
}

void RecordComparisonView::scrollToCurrent() {
    const QModelIndex current = m_tree->currentIndex();
    if (current.parent().isValid()) // its record's label in view too, when the record fits
        m_tree->scrollTo(current.parent(), QAbstractItemView::PositionAtTop);
    m_tree->scrollTo(current, QAbstractItemView::EnsureVisible);
}

void RecordComparisonView::showEvent(QShowEvent *event) {
    QWidget::showEvent(event);
    scrollToCurrent(); // what was selected while hidden was scrolled to in a view of no size
}

void RecordComparisonView::expandDiffering() {
    const bool alone = m_model->rowCount() == 1; // a single record is open even when identical
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex record = m_model->index(row, 0);
        if (alone || record.data(FieldComparisonModel::DiffersRole).toBool())
            m_tree->expand(record); // after a reset all are closed
    }
}

void RecordComparisonView::showDetail(const QModelIndex &current) {
    m_detail->setHtml(current.data(FieldComparisonModel::DifferenceHtmlRole).toString());
}

void RecordComparisonView::updateButtons() {
    const bool any = m_model->differingRecords() > 0;
    m_next->setEnabled(any);
    m_previous->setEnabled(any);
}

} // namespace magellan
