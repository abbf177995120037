#include "find_in_values_panel.h"

#include "status_colours.h"
#include "value_match_model.h"
#include "value_search_runner.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTreeView>
#include <QVBoxLayout>

namespace magellan {
namespace {

constexpr int fractionSteps = 1000;

// Draws a snippet on one line with its match in bold, elided at the right.
class SnippetDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override {
        QStyleOptionViewItem item = option;
        initStyleOption(&item, index);
        const QString text = item.text;
        item.text.clear();
        const QWidget *widget = option.widget;
        QStyle *style = widget ? widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &item, painter, widget);

        const int start =
            std::clamp(index.data(ValueMatchModel::MatchStartRole).toInt(), 0, int(text.size()));
        const int length = std::clamp(index.data(ValueMatchModel::MatchLengthRole).toInt(), 0,
                                      int(text.size()) - start);
        const QRect area =
            style->subElementRect(QStyle::SE_ItemViewItemText, &item, widget).adjusted(2, 0, -2, 0);
        painter->save();
        painter->setClipRect(area);
        painter->setPen(item.palette.color(
            item.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled,
            item.state & QStyle::State_Selected ? QPalette::HighlightedText : QPalette::Text));
        QFont bold = item.font;
        bold.setBold(true);
        int x = area.left();
        const auto draw = [&](const QString &part, const QFont &font) {
            if (part.isEmpty() || x >= area.right())
                return;
            painter->setFont(font);
            const QFontMetrics metrics(font);
            const QString shown = metrics.elidedText(part, Qt::ElideRight, area.right() - x);
            painter->drawText(QRect(x, area.top(), area.right() - x, area.height()),
                              Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, shown);
            x += metrics.horizontalAdvance(shown);
        };
        draw(text.left(start), item.font);
        draw(text.mid(start, length), bold);
        draw(text.mid(start + length), item.font);
        painter->restore();
    }
};

QString number(qint64 value) {
    return QLocale().toString(value);
}

} // namespace

FindInValuesPanel::FindInValuesPanel(std::shared_ptr<const KvStore> store, QWidget *parent)
    : QWidget(parent), m_store(std::move(store)) {
    m_runner = new ValueSearchRunner(m_store, this);
    m_model = new ValueMatchModel(this);

    m_query = new QLineEdit(this);
    m_query->setPlaceholderText(tr("Text to find in values"));
    m_query->setClearButtonEnabled(true);
    m_query->setAccessibleName(tr("Find in values"));
    auto *queryLabel = new QLabel(tr("Fi&nd:"), this);
    queryLabel->setBuddy(m_query);

    m_mode = new QComboBox(this);
    m_mode->addItem(tr("Substring"));
    m_mode->addItem(tr("Regular expression"));
    m_mode->setAccessibleName(tr("Match mode"));
    m_mode->setToolTip(tr("A regular expression is Perl-compatible; ^ and $ match at each line"));
    m_case = new QCheckBox(tr("Matc&h case"), this);
    m_scope = new QComboBox(this);
    m_scope->addItem(tr("Chunk content"), int(SearchScope::ChunkContent));
    m_scope->addItem(tr("Symbol names"), int(SearchScope::SymbolNames));
    m_scope->addItem(tr("AST kinds"), int(SearchScope::AstKinds));
    m_scope->addItem(tr("Any value (raw JSON)"), int(SearchScope::AnyValue));
    m_scope->setToolTip(tr("Where to look: a field of chunk or AST values, text decoded; or the "
                           "raw bytes of every value"));
    auto *scopeLabel = new QLabel(tr("&Look in:"), this);
    scopeLabel->setBuddy(m_scope);

    m_find = new QPushButton(tr("Find"), this);
    m_find->setDefault(true);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setToolTip(tr("Stop the search (Esc)"));
    m_cancel->setEnabled(false);
    m_problem = new QLabel(this);
    m_problem->setWordWrap(true);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem->hide();
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, fractionSteps);
    m_progress->setValue(0);
    m_progress->setTextVisible(false);
    m_progress->setAccessibleName(tr("Search progress"));
    m_count = new QLabel(tr("Type a text and press Enter."), this);
    m_count->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_results = new QTreeView(this);
    m_results->setModel(m_model);
    m_results->setRootIsDecorated(false);
    m_results->setUniformRowHeights(true);
    m_results->setAllColumnsShowFocus(true);
    m_results->setAccessibleName(tr("Matches"));
    m_results->setItemDelegateForColumn(ValueMatchModel::Snippet, new SnippetDelegate(m_results));
    m_results->header()->setStretchLastSection(true);
    m_results->header()->resizeSection(ValueMatchModel::Key, 260);

    auto *grid = new QGridLayout;
    grid->addWidget(queryLabel, 0, 0);
    grid->addWidget(m_query, 0, 1, 1, 3);
    grid->addWidget(m_find, 0, 4);
    grid->addWidget(scopeLabel, 1, 0);
    grid->addWidget(m_scope, 1, 1);
    grid->addWidget(m_mode, 1, 2);
    grid->addWidget(m_case, 1, 3);
    grid->addWidget(m_cancel, 1, 4);
    grid->addWidget(m_problem, 2, 1, 1, 4);
    grid->setColumnStretch(1, 1);
    auto *status = new QHBoxLayout;
    status->addWidget(m_progress, 1);
    status->addWidget(m_count, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(grid);
    layout->addLayout(status);
    layout->addWidget(m_results, 1);

    setTabOrder(m_query, m_find);
    setTabOrder(m_find, m_scope);
    setTabOrder(m_scope, m_mode);
    setTabOrder(m_mode, m_case);
    setTabOrder(m_case, m_cancel);
    setTabOrder(m_cancel, m_results);

    connect(m_query, &QLineEdit::returnPressed, this, &FindInValuesPanel::find);
    connect(m_find, &QPushButton::clicked, this, &FindInValuesPanel::find);
    connect(m_cancel, &QPushButton::clicked, this, &FindInValuesPanel::cancel);
    connect(m_query, &QLineEdit::textEdited, this, [this] { showProblem({}); });
    connect(m_mode, &QComboBox::currentIndexChanged, this, [this] { showProblem({}); });
    connect(m_results, &QTreeView::activated, this, [this](const QModelIndex &index) {
        const QString key = index.data(ValueMatchModel::KeyRole).toString();
        if (!key.isEmpty())
            Q_EMIT keyRequested(key);
    });
    connect(m_runner, &ValueSearchRunner::matchesFound, m_model, &ValueMatchModel::append);
    connect(m_runner, &ValueSearchRunner::progressed, this,
            [this](const SearchProgress &progress) { showProgress(progress, false, false); });
    connect(m_runner, &ValueSearchRunner::finished, this,
            [this](const SearchProgress &progress, bool cancelled, const QString &error) {
                setSearching(false);
                showProgress(progress, true, cancelled);
                if (!error.isEmpty())
                    showProblem(error);
                Q_EMIT searchFinished();
            });
}

FindInValuesPanel::~FindInValuesPanel() = default;

ValueQuery FindInValuesPanel::query() const {
    ValueQuery query;
    query.text = m_query->text();
    query.regularExpression = m_mode->currentIndex() == 1;
    query.caseSensitive = m_case->isChecked();
    query.scope = static_cast<SearchScope>(m_scope->currentData().toInt());
    return query;
}

bool FindInValuesPanel::find() {
    if (m_query->text().isEmpty()) {
        showProblem(tr("Type the text to find."));
        return false;
    }
    const Result<std::shared_ptr<const ValueSearch>> search = ValueSearch::prepare(query());
    if (!search.isOk()) {
        showProblem(search.status().message());
        m_query->setFocus(Qt::OtherFocusReason);
        return false;
    }
    showProblem({});
    m_model->clear();
    m_runner->start(search.value(), listLimit);
    setSearching(true);
    showProgress({}, false, false);
    return true;
}

void FindInValuesPanel::cancel() {
    m_runner->cancel();
}

void FindInValuesPanel::keyPressEvent(QKeyEvent *event) {
    if (event->key() == Qt::Key_Escape && isSearching()) { // what the fields leave: stop
        cancel();
        event->accept();
        return;
    }
    QWidget::keyPressEvent(event);
}

bool FindInValuesPanel::isSearching() const {
    return m_runner->isRunning();
}

void FindInValuesPanel::setSearching(bool searching) {
    m_cancel->setEnabled(searching);
    if (!searching && m_cancel->hasFocus())
        m_query->setFocus(Qt::OtherFocusReason);
}

void FindInValuesPanel::showProblem(const QString &problem) {
    m_problem->setVisible(!problem.isEmpty());
    m_problem->setText(problem.isEmpty()
                           ? QString()
                           : colouredBold(problem.toHtmlEscaped(), statusColours(palette()).fail));
}

void FindInValuesPanel::showProgress(const SearchProgress &progress, bool finished,
                                     bool cancelled) {
    m_progress->setValue(finished && !cancelled ? fractionSteps
                                                : int(progress.fraction * fractionSteps));
    const QString found =
        progress.matches == 0 ? tr("No matches")
        : progress.matches == 1
            ? tr("1 match in 1 value")
            : (progress.matchedValues == 1
                   ? tr("%1 matches in 1 value").arg(number(progress.matches))
                   : tr("%1 matches in %2 values")
                         .arg(number(progress.matches), number(progress.matchedValues)));
    const QString scanned = tr("%1 values scanned").arg(number(progress.valuesScanned));
    QString text = tr("%1 · %2").arg(found, scanned);
    if (progress.matchedValues > listLimit)
        text += tr(" · the first %1 listed").arg(number(listLimit));
    if (cancelled)
        text = tr("Cancelled: %1").arg(text);
    else if (!finished)
        text = tr("Searching: %1").arg(text);
    m_count->setText(text);
    m_progress->setToolTip(scanned);
}

} // namespace magellan
