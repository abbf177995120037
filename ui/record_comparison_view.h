#pragma once

#include "browse/source_comparison.h"

#include <QWidget>

#include <vector>

class QCheckBox;
class QPushButton;
class QTextBrowser;
class QTreeView;

namespace magellan {

class FieldComparisonModel;

// Records beside their source rows, field by field, in one tree (so both sides scroll together):
// differing records open, identical ones closed (unless alone); a "Differences only" switch; Next /
// Previous difference (F8 / Shift+F8); and, under the tree, where the selected field's values part.
class RecordComparisonView : public QWidget {
    Q_OBJECT
public:
    explicit RecordComparisonView(QWidget *parent = nullptr);

    // Shows `records` and selects the first difference, if any.
    void setRecords(const std::vector<RecordComparison> &records);
    void clear();

    FieldComparisonModel *model() const { return m_model; }
    QTreeView *tree() const { return m_tree; }
    QCheckBox *differencesOnlyBox() const { return m_differencesOnly; }
    QPushButton *nextButton() const { return m_next; }
    QPushButton *previousButton() const { return m_previous; }
    // What the pane under the tree says about the selected field.
    QString detailText() const;

public Q_SLOTS:
    // Selects the field `field` of the record labelled `recordLabel` (the record itself when
    // `field` is empty), showing identical ones again if needed; false when there is no such one.
    bool showField(const QString &recordLabel, const QString &field);
    void showNextDifference();
    void showPreviousDifference();

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void select(const QModelIndex &index);
    void scrollToCurrent();
    void expandDiffering();
    void showDetail(const QModelIndex &current);
    void updateButtons();

    FieldComparisonModel *m_model;
    QTreeView *m_tree;
    QCheckBox *m_differencesOnly;
    QPushButton *m_previous;
    QPushButton *m_next;
    QTextBrowser *m_detail;
};

} // namespace magellan
