#pragma once

#include "browse/value_search.h"

#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTreeView;

namespace magellan {

class KvStore;
class ValueMatchModel;
class ValueSearchRunner;

// Find in Values: a query over the store's values (substring or regular expression, in chunk
// content, symbol names, AST kinds or any value) run in the background, its matches listed as
// they are found with the match emphasised in a one-line snippet; Enter or a double-click on one
// asks for its key to be opened.
class FindInValuesPanel : public QWidget {
    Q_OBJECT
public:
    // Matched values listed at most; the search counts on past them.
    static constexpr qint64 listLimit = 10000;

    explicit FindInValuesPanel(std::shared_ptr<const KvStore> store, QWidget *parent = nullptr);
    ~FindInValuesPanel() override;

    // The query the controls describe.
    ValueQuery query() const;
    // Starts the search the controls describe; false (the problem shown next to the field) when
    // it cannot run.
    bool find();
    void cancel();
    bool isSearching() const;

    QLineEdit *queryField() const { return m_query; }
    QComboBox *modeBox() const { return m_mode; }
    QComboBox *scopeBox() const { return m_scope; }
    QCheckBox *caseBox() const { return m_case; }
    QPushButton *findButton() const { return m_find; }
    QPushButton *cancelButton() const { return m_cancel; }
    QTreeView *resultView() const { return m_results; }
    ValueMatchModel *model() const { return m_model; }
    QLabel *problemLabel() const { return m_problem; }
    QLabel *countLabel() const { return m_count; }
    QProgressBar *progressBar() const { return m_progress; }

Q_SIGNALS:
    void keyRequested(const QString &key);
    void searchFinished(); // the search read to its end, was cancelled, or failed

protected:
    void keyPressEvent(QKeyEvent *event) override; // Esc stops a search

private:
    void showProgress(const SearchProgress &progress, bool finished, bool cancelled);
    void setSearching(bool searching);
    void showProblem(const QString &problem);

    std::shared_ptr<const KvStore> m_store;
    ValueSearchRunner *m_runner;
    ValueMatchModel *m_model;
    QLineEdit *m_query;
    QComboBox *m_mode;
    QCheckBox *m_case;
    QComboBox *m_scope;
    QPushButton *m_find;
    QPushButton *m_cancel;
    QLabel *m_problem;
    QProgressBar *m_progress;
    QLabel *m_count;
    QTreeView *m_results;
};

} // namespace magellan
