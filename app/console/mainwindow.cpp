// SPDX-License-Identifier: Apache-2.0
#include "mainwindow.h"

#include "consoletr.h"
#include "dialogs/diffdialog.h"
#include "dialogs/keydialogs.h"
#include "dialogs/wizards.h"
#include "editors/formeditor.h"
#include "editors/wheelguard.h"
#include "editors/yamleditor.h"
#include "export/exporter.h"
#include "models/problemsmodel.h"
#include "models/resourcetreemodel.h"
#include "models/templates.h"
#include "models/workspacemodel.h"
#include "panels/gatewaypanel.h"
#include "services/gatewaysupervisor.h"
#include "services/gitstatus.h"
#include "services/keymanager.h"
#include "services/quickfixes.h"
#include "services/secretstore.h"
#include "util/buildinfo.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QDirIterator>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyleHints>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTextBlock>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace Airgate::Console {

namespace {

QString exampleSource()
{
    const QString appDir = QCoreApplication::applicationDirPath();
    const QStringList candidates {
        appDir + QStringLiteral("/../share/airgate/examples/weather"),
#ifdef AIRGATE_SOURCE_EXAMPLE
        QStringLiteral(AIRGATE_SOURCE_EXAMPLE),
#endif
    };
    for (const QString &c : candidates)
        if (QDir(c).exists())
            return QDir(c).canonicalPath();
    return {};
}

/** The example is copied into the user's data folder: the installed one is read-only. */
QString exampleCopy()
{
    const QString src = exampleSource();
    if (src.isEmpty())
        return {};
    const QString dst = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)
        + QStringLiteral("/examples/weather");
    if (QDir(dst).exists())
        return dst;
    QDir().mkpath(dst);
    QDir s(src);
    QDirIterator it(src, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString f = it.next();
        const QString rel = s.relativeFilePath(f);
        QDir().mkpath(QFileInfo(dst + u'/' + rel).absolutePath());
        QFile::copy(f, dst + u'/' + rel);
        QFile(dst + u'/' + rel).setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    }
    return dst;
}

/** The problems list asks for a modest height: the editors get the rest. */
class ProblemsView final : public QTableView
{
public:
    using QTableView::QTableView;
    QSize sizeHint() const override { return {800, 150}; }
};

} // namespace

MainWindow::MainWindow(SecretStore *store, QWidget *parent)
    : QMainWindow(parent)
    , m_model(new WorkspaceModel(this))
    , m_store(store ? store : new KeychainSecretStore(this))
    , m_keys(new KeyManager(m_model, m_store, this))
    , m_gateway(new GatewaySupervisor(this))
    , m_treeModel(new ResourceTreeModel(m_model, this))
    , m_treeFilter(new ResourceFilterModel(this))
    , m_problemsModel(new ProblemsModel(m_model, this))
{
    setObjectName(QStringLiteral("AirgateMainWindow"));
    setWindowIcon(appIcon());
    WheelGuard::install();
    m_treeFilter->setSourceModel(m_treeModel);
    m_treeFilter->setRecursiveFilteringEnabled(true);

    // Centre: the tree on the left, the editors on the right.
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("mainSplitter"));
    m_split = split;
    auto *left = new QWidget(split);
    auto *ll = new QVBoxLayout(left);
    ll->setContentsMargins(4, 4, 0, 4);
    m_filter = new QLineEdit(left);
    m_filter->setObjectName(QStringLiteral("treeFilter"));
    m_filter->setPlaceholderText(Tr::tr("Filter resources (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    auto *problemsOnly = new QCheckBox(Tr::tr("Only with problems"), left);
    m_tree = new QTreeView(left);
    // Git status (modified / new) of each resource's file beside its name.
    m_tree->setItemDelegateForColumn(
        0, new GitStatusDelegate(new GitStatusTracker(m_model, this), m_tree));
    m_tree->setObjectName(QStringLiteral("resourceTree"));
    m_tree->setModel(m_treeFilter);
    m_tree->setHeaderHidden(true);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    ll->addWidget(m_filter);
    ll->addWidget(problemsOnly);
    ll->addWidget(m_tree, 1);
    m_tabs = new QTabWidget(split);
    m_tabs->setObjectName(QStringLiteral("editorTabs"));
    m_form = new FormEditor(m_model, m_tabs);
    m_yaml = new YamlEditor(m_model, m_tabs);
    m_tabs->addTab(m_form, Tr::tr("F&orm"));
    m_tabs->addTab(m_yaml, Tr::tr("&YAML"));
    split->addWidget(left);
    split->addWidget(m_tabs);
    split->setStretchFactor(1, 1);
    split->setSizes({300, 900});
    split->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setCentralWidget(split);

    buildDocks();
    buildActions();

    m_statusProblems = new QLabel(this);
    m_statusGateway = new QLabel(this);
    statusBar()->addWidget(m_statusProblems, 1);
    statusBar()->addPermanentWidget(m_statusGateway);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &t) {
        m_treeFilter->setText(t);
        m_tree->expandAll();
    });
    connect(problemsOnly, &QCheckBox::toggled, this, [this](bool on) {
        m_treeFilter->setProblemsOnly(on);
        m_tree->expandAll();
    });
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &cur) {
                const QString key = cur.data(ResourceTreeModel::KeyRole).toString();
                if (!key.isEmpty() && key != m_current)
                    selectResource(key);
            });
    connect(m_treeModel, &QAbstractItemModel::modelReset, this, [this] {
        m_tree->expandAll();
        const QModelIndex src = m_treeModel->indexOf(m_current);
        if (src.isValid()) {
            const QSignalBlocker b(m_tree->selectionModel());
            m_tree->setCurrentIndex(m_treeFilter->mapFromSource(src));
        }
    });
    connect(m_model, &WorkspaceModel::changed, this, [this] {
        if (!m_current.isEmpty() && !WorkspaceModel::isSettings(m_current)
            && !m_model->resource(m_current)) {
            m_current.clear();
            m_form->setResource({});
            m_yaml->setResource({});
        }
        updateStatus();
    });
    connect(m_model, &WorkspaceModel::dirtyChanged, this, &MainWindow::updateTitle);
    connect(m_model, &WorkspaceModel::resourceRenamed, this,
            [this](const QString &from, const QString &to) {
                if (from == m_current)
                    selectResource(to);
            });
    connect(m_model, &WorkspaceModel::externalChange, this, &MainWindow::onExternalChange);
    connect(m_form, &FormEditor::createRequested, this,
            [this](Kind kind, const QString &, const QString &field) { newResource(kind, field); });
    connect(m_gateway, &GatewaySupervisor::stateChanged, this, &MainWindow::updateStatus);
    connect(m_gateway, &GatewaySupervisor::notice, this,
            [this](const QString &text) { statusBar()->showMessage(text, 10000); });

    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    resize(size().isValid() && settings.contains(QStringLiteral("window/geometry"))
               ? size()
               : QSize(1280, 800));
    m_split->restoreState(settings.value(QStringLiteral("window/splitter")).toByteArray());
    m_tabs->setCurrentIndex(settings.value(QStringLiteral("window/editorTab"), 0).toInt());
    if (settings.value(QStringLiteral("window/raisedDock")).toString()
        == QLatin1StringView("gateway"))
        m_gatewayDock->raise();
    m_gatewayPanel->restoreLayout(settings);
    // The layout is saved as it changes, not only on a clean close: a crash keeps it too.
    m_layoutTimer.setSingleShot(true);
    m_layoutTimer.setInterval(kLayoutSaveDelayMs);
    connect(&m_layoutTimer, &QTimer::timeout, this, &MainWindow::saveLayout);
    auto later = [this] { m_layoutTimer.start(); };
    connect(m_split, &QSplitter::splitterMoved, this, later);
    connect(m_tabs, &QTabWidget::currentChanged, this, later);
    for (QDockWidget *d : {m_problemsDock, m_gatewayDock}) {
        connect(d, &QDockWidget::visibilityChanged, this, later);
        connect(d, &QDockWidget::topLevelChanged, this, later);
        connect(d, &QDockWidget::dockLocationChanged, this, later);
        d->installEventFilter(this);
    }
    connect(m_gatewayPanel, &GatewayPanel::layoutChanged, this, later);
    updateTitle();
    updateStatus();
}

MainWindow::~MainWindow()
{
    // The docks outlive this body (QWidget's destructor hides them): no layout saving then.
    for (QDockWidget *d : {m_problemsDock, m_gatewayDock}) {
        d->disconnect(this);
        d->removeEventFilter(this);
    }
    m_layoutTimer.stop();
}

void MainWindow::buildDocks()
{
    m_problems = new ProblemsView(this);
    m_problems->setObjectName(QStringLiteral("problemsView"));
    m_problems->setModel(m_problemsModel);
    new QuickFixes(m_problems, m_problemsModel, m_model, this); // "Migrate" on stale fields
    m_problems->verticalHeader()->hide();
    m_problems->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_problems->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_problems->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_problems->horizontalHeader()->setSectionResizeMode(ProblemsModel::MessageColumn,
                                                         QHeaderView::Stretch);
    m_problems->setColumnWidth(ProblemsModel::SeverityColumn, 70);
    m_problems->setColumnWidth(ProblemsModel::ResourceColumn, 220);
    m_problems->setColumnWidth(ProblemsModel::LocationColumn, 200);
    connect(m_problems, &QTableView::activated, this,
            [this](const QModelIndex &i) { goToProblem(i.row()); });
    m_problemsDock = new QDockWidget(Tr::tr("Problems"), this);
    m_problemsDock->setObjectName(QStringLiteral("problemsDock"));
    m_problemsDock->setWidget(m_problems);
    m_problems->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    addDockWidget(Qt::BottomDockWidgetArea, m_problemsDock);

    m_gatewayPanel = new GatewayPanel(m_gateway, m_model, m_keys, this);
    m_gatewayDock = new QDockWidget(Tr::tr("Gateway"), this);
    m_gatewayDock->setObjectName(QStringLiteral("gatewayDock"));
    m_gatewayDock->setWidget(m_gatewayPanel);
    addDockWidget(Qt::BottomDockWidgetArea, m_gatewayDock);
    tabifyDockWidget(m_problemsDock, m_gatewayDock);
    m_problemsDock->raise();
}

void MainWindow::showGatewayLog()
{
    m_gatewayDock->show();
    m_gatewayDock->raise();
    fitGatewayDock(0);
}

void MainWindow::fitGatewayDock(int attempt)
{
    // Measured once the raised dock has its layout, and again after each resize (the panel's
    // parts share what it gets), until the log shows its rows or the dock reaches its cap.
    QTimer::singleShot(0, this, [this, attempt] {
        if (m_gatewayDock->isFloating() || !m_gatewayDock->isVisible())
            return;
        const int least = height() * 2 / 5;
        const int cap = height() * 3 / 5;
        const int dock = m_gatewayDock->height();
        if (!m_gatewayPanel->accessLogView()->isVisible()) { // another panel tab in front
            if (dock < least)
                resizeDocks({m_gatewayDock}, {least}, Qt::Vertical);
            return;
        }
        const int rows = m_gatewayPanel->visibleLogRows();
        if ((rows >= kGatewayLogRows && dock >= least) || dock >= cap || attempt > 4)
            return;
        const int row = m_gatewayPanel->accessLogView()->verticalHeader()->defaultSectionSize();
        // A size asked for is the dock area's (the tab bar of tabified docks included): what
        // the dock got less than asked is added.
        const int shortfall = attempt > 0 ? std::max(0, m_dockAsked - dock) : 0;
        m_dockAsked
            = std::min(std::max(dock + std::max(0, kGatewayLogRows - rows) * row + 4, least), cap)
            + shortfall;
        resizeDocks({m_gatewayDock}, {m_dockAsked}, Qt::Vertical);
        fitGatewayDock(attempt + 1);
    });
}

void MainWindow::buildActions()
{
    auto add = [this](QMenu *menu, const QString &text, const QKeySequence &key, auto slot) {
        QAction *a = menu->addAction(text);
        if (!key.isEmpty())
            a->setShortcut(key);
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    QMenu *file = menuBar()->addMenu(Tr::tr("&File"));
    add(file, Tr::tr("&Open workspace…"), QKeySequence::Open, [this] { openDialog(); });
    add(file, Tr::tr("Open &example"), QKeySequence(), [this] {
        const QString dir = exampleCopy();
        if (dir.isEmpty())
            QMessageBox::warning(this, Tr::tr("Open example"),
                                 Tr::tr("The bundled example workspace was not found."));
        else if (maybeSave())
            openWorkspace(dir);
    });
    m_recentMenu = file->addMenu(Tr::tr("&Recent workspaces"));
    rebuildRecentMenu();
    file->addSeparator();
    add(file, Tr::tr("&Save file"), QKeySequence::Save, [this] { saveCurrentFile(); });
    add(file, Tr::tr("Save &all"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S),
        [this] { saveAll(); });
    add(file, Tr::tr("Review c&hanges…"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_D), [this] {
        if (m_model->isOpen())
            DiffDialog::open(m_model, m_gateway, this);
    })->setObjectName(QStringLiteral("actionReviewChanges"));
    add(file, Tr::tr("Re&vert file"), QKeySequence(), [this] {
        if (const Resource *r = m_model->resource(m_current))
            m_model->revertFile(r->source.file);
        else if (WorkspaceModel::isSettings(m_current))
            m_model->revertFile(WorkspaceModel::kSettingsFile);
    });
    add(file, Tr::tr("Revert all"), QKeySequence(), [this] { m_model->revertAll(); });
    file->addSeparator();
    add(file, Tr::tr("E&xport…"), QKeySequence(Qt::CTRL | Qt::Key_E),
        [this] { showExportDialog(); });
    add(file, Tr::tr("Se&ttings…"), QKeySequence::Preferences, [this] { showSettings(); });
    file->addSeparator();
    add(file, Tr::tr("&Quit"), QKeySequence::Quit, [this] { close(); });

    QMenu *edit = menuBar()->addMenu(Tr::tr("&Edit"));
    QAction *undo = m_model->undoStack()->createUndoAction(this, Tr::tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_model->undoStack()->createRedoAction(this, Tr::tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    // The YAML editor keeps its own text undo while focused; elsewhere these are the model's.
    undo->setShortcutContext(Qt::WindowShortcut);
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    add(edit, Tr::tr("&Find resource"), QKeySequence::Find, [this] {
        m_filter->setFocus();
        m_filter->selectAll();
    });
    add(edit, Tr::tr("Show &form"), QKeySequence(Qt::ALT | Qt::Key_1),
        [this] { m_tabs->setCurrentIndex(0); });
    add(edit, Tr::tr("Show &YAML"), QKeySequence(Qt::ALT | Qt::Key_2),
        [this] { m_tabs->setCurrentIndex(1); });
    add(edit, Tr::tr("Show &problems"), QKeySequence(Qt::ALT | Qt::Key_3), [this] {
        m_problemsDock->show();
        m_problemsDock->raise();
        m_problems->setFocus();
    });

    QMenu *res = menuBar()->addMenu(Tr::tr("&Resource"));
    add(res, Tr::tr("New &API from OpenAPI…"), QKeySequence(Qt::CTRL | Qt::Key_N),
        [this] { runWizard(0); });
    add(res, Tr::tr("New managed a&pplication…"), QKeySequence(), [this] { runWizard(1); });
    add(res, Tr::tr("New p&lan…"), QKeySequence(), [this] { runWizard(2); });
    add(res, Tr::tr("New p&ortal…"), QKeySequence(), [this] { runWizard(3); });
    add(res, Tr::tr("New &subscription…"), QKeySequence(), [this] { runWizard(4); });
    QMenu *other = res->addMenu(Tr::tr("New &resource"));
    for (const Kind k : {Kind::API, Kind::APIVersion, Kind::APIBundle, Kind::APIAuth,
                         Kind::APIPortal, Kind::APIPortalAuth, Kind::APIPlan, Kind::APICatalogItem,
                         Kind::ManagedApplication, Kind::ManagedSubscription, Kind::IngressRoute,
                         Kind::Middleware, Kind::Secret, Kind::ConfigMap, Kind::Service})
        connect(other->addAction(kindName(k)), &QAction::triggered, this,
                [this, k] { newResource(k); });
    res->addSeparator();
    add(res, Tr::tr("Re&name…"), QKeySequence(Qt::Key_F2), [this] { renameCurrent(); });
    QAction *del = add(res, Tr::tr("&Delete…"), QKeySequence::Delete, [this] { deleteCurrent(); });
    del->setShortcutContext(Qt::WidgetShortcut);
    m_tree->addAction(del);
    add(res, Tr::tr("API &keys…"), QKeySequence(Qt::CTRL | Qt::Key_K), [this] { manageKeys(); });

    QMenu *gw = menuBar()->addMenu(Tr::tr("&Gateway"));
    add(gw, Tr::tr("&Start"), QKeySequence(Qt::Key_F5), [this] {
        // Tall enough for the charts and several log lines; a size the user chose that shows
        // them is kept (and remembered with the layout).
        showGatewayLog();
        m_model->commitPendingEdits();
        m_gateway->start();
    });
    add(gw, Tr::tr("S&top"), QKeySequence(Qt::SHIFT | Qt::Key_F5), [this] { m_gateway->stop(); });
    add(gw, Tr::tr("&Restart"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F5), [this] {
        m_model->commitPendingEdits();
        m_gateway->restart();
    });
    QAction *reloadOnSave = gw->addAction(Tr::tr("Reload on &save"));
    reloadOnSave->setCheckable(true);
    reloadOnSave->setChecked(true);
    connect(reloadOnSave, &QAction::toggled, this, [this](bool on) { m_reloadOnSave = on; });
    add(gw, Tr::tr("Open &portal"), QKeySequence(), [this] { m_gatewayPanel->openPortal(); });

    QMenu *help = menuBar()->addMenu(Tr::tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    QAction *manual = add(help, Tr::tr("&Manual"), QKeySequence::HelpContents, [this] {
        const QString path = manualPath();
        if (path.isEmpty()) {
            QMessageBox::information(
                this, Tr::tr("Manual"),
                Tr::tr("The offline manual is not installed here. It is looked for in:\n%1")
                    .arg(manualCandidates().join(u'\n')));
            return;
        }
        if (!QDesktopServices::openUrl(QUrl::fromLocalFile(path)))
            QMessageBox::information(this, Tr::tr("Manual"),
                                     Tr::tr("No program opened the manual. Open this file in a "
                                            "browser:\n%1")
                                         .arg(path));
    });
    manual->setObjectName(QStringLiteral("manualAction"));
    add(help, Tr::tr("&Keyboard shortcuts"), QKeySequence(Qt::CTRL | Qt::Key_Slash),
        [this] { showShortcuts(); });
    help->addSeparator();
    add(help, Tr::tr("&About Airgate"), QKeySequence(),
        [this] { QMessageBox::about(this, Tr::tr("About Airgate"), aboutText()); });
}

bool MainWindow::openWorkspace(const QString &dir, bool askJournal)
{
    m_gateway->stop();
    const Status st = m_model->open(dir);
    if (!st) {
        QMessageBox::warning(this, Tr::tr("Open workspace"),
                             Tr::tr("Cannot open %1: %2").arg(dir, st.error().message));
        return false;
    }
    addRecent(m_model->root());
    m_gateway->setWorkspace(m_model->root());
    m_current.clear();
    m_tree->expandAll();
    if (askJournal && m_model->hasJournal()) {
        const QStringList files = m_model->journalFiles();
        QMessageBox box(QMessageBox::Question, Tr::tr("Unsaved edits found"),
                        Tr::tr("Airgate was closed on %1 with unsaved edits to %n file(s) of this "
                               "workspace:\n%2\nRestore them? (Edit ▸ Undo takes them back.)",
                               nullptr, static_cast<int>(files.size()))
                            .arg(QLocale().toString(m_model->journalTime(), QLocale::ShortFormat),
                                 files.join(u'\n')),
                        QMessageBox::Yes | QMessageBox::Discard, this);
        box.setObjectName(QStringLiteral("journalQuestion"));
        box.setDefaultButton(QMessageBox::Yes);
        if (box.exec() == QMessageBox::Yes) {
            const QStringList restored = m_model->restoreJournal();
            statusBar()->showMessage(
                Tr::tr("Restored unsaved edits to %1 — Edit ▸ Undo takes them back.")
                    .arg(restored.join(QStringLiteral(", "))),
                15000);
        }
    }
    // Start on the first resource as the tree lists it (namespace, kind, name): the problems
    // panel is one double-click away, and opening on an arbitrary warning is disorienting.
    QString first;
    for (QModelIndex i = m_treeModel->index(0, 0); i.isValid() && first.isEmpty();
         i = m_treeModel->index(0, 0, i))
        first = i.data(ResourceTreeModel::KeyRole).toString();
    if (!first.isEmpty())
        selectResource(first);
    updateTitle();
    updateStatus();
    return true;
}

void MainWindow::selectResource(const QString &key)
{
    m_current = key;
    m_form->setResource(key);
    m_yaml->setResource(key);
    const QModelIndex src = m_treeModel->indexOf(key);
    if (src.isValid()) {
        const QModelIndex idx = m_treeFilter->mapFromSource(src);
        if (idx.isValid() && m_tree->currentIndex() != idx) {
            const QSignalBlocker b(m_tree->selectionModel());
            m_tree->setCurrentIndex(idx);
        }
        m_tree->scrollTo(idx);
    }
    updateTitle();
}

void MainWindow::goToProblem(int row)
{
    if (row < 0 || row >= m_problemsModel->rowCount())
        return;
    const Diagnostic &d = m_problemsModel->diagnostic(row);
    const QString key = m_problemsModel->keyFor(row);
    if (WorkspaceModel::isSettings(key)) {
        // airgate.yaml: its line and column in the YAML view.
        selectResource(key);
        m_tabs->setCurrentWidget(m_yaml);
        m_yaml->goToFileLine(d.line);
        QTextCursor c = m_yaml->editor()->textCursor();
        c.movePosition(QTextCursor::StartOfBlock);
        c.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor, std::max(0, d.column - 1));
        m_yaml->editor()->setTextCursor(c);
        statusBar()->showMessage(
            QStringLiteral("%1:%2:%3: %4").arg(d.file).arg(d.line).arg(d.column).arg(d.message),
            10000);
        return;
    }
    if (key.isEmpty() || !m_model->resource(key)) {
        // File-level problems (YAML syntax): say where, and offer the file's text to fix.
        statusBar()->showMessage(
            QStringLiteral("%1:%2:%3: %4").arg(d.file).arg(d.line).arg(d.column).arg(d.message),
            10000);
        if (m_model->fileText(d.file).isEmpty()
            && !QFileInfo::exists(m_model->root() + u'/' + d.file))
            return;
        editFile(d.file, d.line, d.column, d.message);
        return;
    }
    selectResource(key);
    m_yaml->goToFileLine(d.line);
    if (!d.field.isEmpty() && m_form->focusField(d.field)) {
        m_tabs->setCurrentWidget(m_form);
        m_form->focusField(d.field);
    } else {
        m_tabs->setCurrentWidget(m_yaml);
        m_yaml->editor()->setFocus();
    }
}

void MainWindow::editFile(const QString &relPath, int line, int column, const QString &problem)
{
    if (relPath == QLatin1StringView("airgate.yaml"))
        return; // local settings are edited outside the workspace model
    auto *d = new QDialog(this);
    d->setAttribute(Qt::WA_DeleteOnClose);
    d->setObjectName(QStringLiteral("fileEditor"));
    d->setWindowTitle(Tr::tr("Fix %1").arg(relPath));
    d->resize(900, 600);
    auto *l = new QVBoxLayout(d);
    auto *label = new QLabel(
        QStringLiteral("%1:%2:%3: %4").arg(relPath).arg(line).arg(column).arg(problem), d);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #c01c28;"));
    auto *edit = new CodeEdit(d);
    edit->setObjectName(QStringLiteral("fileText"));
    edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    new YamlHighlighter(edit->document());
    edit->setPlainText(QString::fromUtf8(m_model->fileText(relPath)));
    QTextCursor c(edit->document()->findBlockByNumber(std::max(0, line - 1)));
    c.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor, std::max(0, column - 1));
    edit->setTextCursor(c);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Apply | QDialogButtonBox::Close, d);
    l->addWidget(label);
    l->addWidget(edit, 1);
    l->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, d, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, d,
            [this, d, edit, relPath] {
                m_model->setFileText(relPath, edit->toPlainText().toUtf8());
                // Closed once the file parses; otherwise the new first problem is shown.
                for (const Diagnostic &p : m_model->diagnostics())
                    if (p.file == relPath && p.rule == QLatin1StringView("yaml")) {
                        d->findChild<QLabel *>()->setText(QStringLiteral("%1:%2:%3: %4")
                                                              .arg(p.file)
                                                              .arg(p.line)
                                                              .arg(p.column)
                                                              .arg(p.message));
                        return;
                    }
                d->accept();
            });
    d->open();
    edit->setFocus();
}

bool MainWindow::readyToSave(const QStringList &files)
{
    m_model->commitPendingEdits();
    if (!m_yaml->unappliedError().isEmpty()) {
        const auto answer = QMessageBox::warning(
            this, Tr::tr("Save"),
            Tr::tr("The YAML view holds text that does not parse, so it is not part of the "
                   "resource yet: %1\nSave the other edits anyway? (The YAML view keeps its "
                   "text.)")
                .arg(m_yaml->unappliedError()),
            QMessageBox::Save | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Save)
            return false;
    }
    const QStringList changed = m_model->changedOnDisk(files);
    if (changed.isEmpty())
        return true;
    // Someone else wrote these since they were loaded here ("Keep my edits", an editor, git).
    QMessageBox box(QMessageBox::Warning, Tr::tr("Files changed on disk"),
                    Tr::tr("These files were changed on disk since they were loaded here; "
                           "saving replaces those changes with yours:\n%1")
                        .arg(changed.join(u'\n')),
                    QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("overwriteQuestion"));
    QPushButton *overwrite = box.addButton(Tr::tr("&Overwrite"), QMessageBox::DestructiveRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == overwrite;
}

bool MainWindow::saveAll()
{
    if (!m_model->isOpen() || !readyToSave(m_model->dirtyFiles()))
        return false;
    const Status st = m_model->save();
    if (!st) {
        QMessageBox::critical(this, Tr::tr("Save"),
                              Tr::tr("Could not save: %1\nNothing was lost: the edits are still "
                                     "here and in the autosave journal.")
                                  .arg(st.error().message));
        return false;
    }
    statusBar()->showMessage(Tr::tr("Saved."), 3000);
    if (m_reloadOnSave)
        m_gateway->reload();
    return true;
}

bool MainWindow::saveCurrentFile()
{
    m_model->commitPendingEdits(); // the typed name may rename the current resource
    const Resource *r = m_model->resource(m_current);
    if (!r && !WorkspaceModel::isSettings(m_current))
        return saveAll();
    const QString file = r ? r->source.file : WorkspaceModel::kSettingsFile;
    if (!readyToSave({file}))
        return false;
    const Status st = m_model->saveFile(file);
    if (!st) {
        QMessageBox::critical(this, Tr::tr("Save"),
                              Tr::tr("Could not save %1: %2").arg(file, st.error().message));
        return false;
    }
    statusBar()->showMessage(Tr::tr("Saved %1.").arg(file), 3000);
    if (m_reloadOnSave)
        m_gateway->reload();
    return true;
}

void MainWindow::updateTitle()
{
    QString title = QStringLiteral("Airgate");
    if (m_model->isOpen())
        title = QDir(m_model->root()).dirName() + QStringLiteral("[*] — Airgate");
    setWindowTitle(title);
    setWindowModified(m_model->isOpen() && m_model->isDirty());
}

void MainWindow::updateStatus()
{
    if (!m_model->isOpen()) {
        m_statusProblems->setText(Tr::tr("No workspace open — File ▸ Open example"));
        return;
    }
    int errors = 0;
    int warnings = 0;
    for (const Diagnostic &d : m_model->diagnostics()) {
        if (d.isError())
            ++errors;
        else if (d.severity == Diagnostic::Severity::Warning)
            ++warnings;
    }
    const int resources = static_cast<int>(m_model->resourceKeys().size());
    m_statusProblems->setText(
        QStringLiteral("%1 · %2 · %3 · %4")
            .arg(Tr::tr("%n resource(s)", nullptr, resources),
                 Tr::tr("%n error(s)", nullptr, errors), Tr::tr("%n warning(s)", nullptr, warnings),
                 Tr::tr("validated in %1 ms").arg(m_model->lastValidationMs(), 0, 'f', 1)));
    m_problemsDock->setWindowTitle(
        errors + warnings ? Tr::tr("Problems (%1)").arg(errors + warnings) : Tr::tr("Problems"));
    using S = GatewaySupervisor::State;
    switch (m_gateway->state()) {
    case S::Running:
        m_statusGateway->setText(Tr::tr("Gateway running"));
        break;
    case S::Starting:
        m_statusGateway->setText(Tr::tr("Gateway starting"));
        break;
    case S::Failed:
        m_statusGateway->setText(Tr::tr("Gateway failed"));
        break;
    default:
        m_statusGateway->setText(Tr::tr("Gateway stopped"));
        break;
    }
}

void MainWindow::onExternalChange(const QStringList &files, bool conflicting)
{
    // The gateway serves what is on disk: an outside change is a change for it too (it runs
    // with --no-watch so console saves reload it once, not twice).
    if (m_reloadOnSave)
        m_gateway->reload();
    if (!conflicting) {
        statusBar()->showMessage(
            Tr::tr("Reloaded from disk: %1").arg(files.join(QStringLiteral(", "))), 5000);
        return;
    }
    QMessageBox box(QMessageBox::Warning, Tr::tr("Files changed on disk"),
                    Tr::tr("These files changed on disk while they have unsaved edits here:\n%1")
                        .arg(files.join(u'\n')),
                    QMessageBox::NoButton, this);
    QPushButton *reload = box.addButton(Tr::tr("&Reload from disk"), QMessageBox::DestructiveRole);
    box.addButton(Tr::tr("&Keep my edits"), QMessageBox::AcceptRole);
    box.exec();
    if (box.clickedButton() == reload)
        m_model->reloadFromDisk(files);
    else
        m_model->keepMine(files);
}

QStringList MainWindow::recentWorkspaces()
{
    return QSettings().value(QStringLiteral("recentWorkspaces")).toStringList();
}

void MainWindow::addRecent(const QString &dir)
{
    QStringList r = recentWorkspaces();
    r.removeAll(dir);
    r.prepend(dir);
    while (r.size() > 8)
        r.removeLast();
    QSettings().setValue(QStringLiteral("recentWorkspaces"), r);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList r = recentWorkspaces();
    for (const QString &dir : r)
        connect(m_recentMenu->addAction(dir), &QAction::triggered, this, [this, dir] {
            if (maybeSave())
                openWorkspace(dir);
        });
    m_recentMenu->setEnabled(!r.isEmpty());
}

void MainWindow::openDialog()
{
    if (!maybeSave())
        return;
    // Beside the open workspace (its parent holds the user's other workspaces).
    const QString dir = QFileDialog::getExistingDirectory(
        this, Tr::tr("Open workspace"),
        m_model->isOpen() ? QFileInfo(m_model->root()).absolutePath() : QDir::homePath());
    if (!dir.isEmpty())
        openWorkspace(dir);
}

QString MainWindow::currentNamespace() const
{
    if (const Resource *r = m_model->resource(m_current))
        return r->ns;
    return QStringLiteral("default");
}

void MainWindow::newResource(Kind kind, const QString &fieldToFill)
{
    if (!m_model->isOpen())
        return;
    bool ok = false;
    const QString name = QInputDialog::getText(this, Tr::tr("New %1").arg(kindName(kind)),
                                               Tr::tr("Name:"), QLineEdit::Normal, QString(), &ok)
                             .trimmed();
    if (!ok || name.isEmpty())
        return;
    const QString ns = currentNamespace();
    const QString from = m_current;
    m_model->beginCompound(Tr::tr("New %1 %2").arg(kindName(kind), name));
    // Beside the workspace's other resources of that kind, else in the layout's folder.
    QString existing;
    if (const auto same = m_model->workspace().ofKind(kind); !same.empty())
        existing = same.front()->source.file;
    const QString key = m_model->addResource(defaultFileFor(kind, name, existing),
                                             Console::newResource(kind, ns, name));
    if (!fieldToFill.isEmpty() && !from.isEmpty())
        m_model->setValue(from, fieldToFill, name);
    m_model->endCompound();
    selectResource(fieldToFill.isEmpty() ? key : from);
}

void MainWindow::runWizard(int which)
{
    if (!m_model->isOpen())
        return;
    const QString ns = currentNamespace();
    std::optional<WizardResult> r;
    switch (which) {
    case 0:
        r = runApiWizard(this, ns, m_model->root());
        break;
    case 1:
        r = runApplicationWizard(this, ns);
        break;
    case 2:
        r = runPlanWizard(this, ns);
        break;
    case 4:
        r = runSubscriptionWizard(this, ns, m_model);
        break;
    default:
        r = runPortalWizard(this, ns);
        break;
    }
    if (!r)
        return;
    m_model->beginCompound(Tr::tr("Wizard"));
    for (const auto &[file, node] : r->resources)
        m_model->addResource(file, node);
    m_model->endCompound();
    selectResource(r->select);
    if (r->firstKey)
        m_keys->generate(r->select, r->keyTitle, [this](const NewKey &k) {
            auto *d = new NewKeyDialog(k, m_store->backendName(), this);
            d->setAttribute(Qt::WA_DeleteOnClose);
            d->open();
        });
    if (!r->notes.isEmpty())
        QMessageBox::information(this, Tr::tr("Created"), r->notes.join(u'\n'));
}

void MainWindow::renameCurrent()
{
    const Resource *r = m_model->resource(m_current);
    if (!r)
        return;
    const QStringList deps = m_model->dependents(m_current);
    bool ok = false;
    const QString label = deps.isEmpty()
        ? Tr::tr("New name:")
        : Tr::tr("New name (%n reference(s) will be updated):", nullptr,
                 static_cast<int>(deps.size()));
    const QString name = QInputDialog::getText(this, Tr::tr("Rename %1").arg(r->displayName()),
                                               label, QLineEdit::Normal, r->name, &ok)
                             .trimmed();
    if (!ok || name.isEmpty() || name == r->name)
        return;
    selectResource(m_model->renameResource(m_current, name));
}

void MainWindow::deleteCurrent()
{
    const Resource *r = m_model->resource(m_current);
    if (!r)
        return;
    const QStringList deps = m_model->dependents(m_current);
    QString text = Tr::tr("Delete %1?").arg(r->displayName());
    if (!deps.isEmpty()) {
        QStringList names;
        for (const QString &d : deps)
            if (const Resource *dr = m_model->resource(d))
                names << QStringLiteral("• ") + dr->displayName();
        text += u'\n'
            + Tr::tr("These resources refer to it and will have a dangling reference:\n%1")
                  .arg(names.join(u'\n'));
    }
    if (QMessageBox::question(this, Tr::tr("Delete resource"), text) != QMessageBox::Yes)
        return;
    m_model->removeResource(m_current);
}

void MainWindow::manageKeys()
{
    const Resource *r = m_model->resource(m_current);
    if (!r || r->kind != Kind::ManagedApplication) {
        statusBar()->showMessage(Tr::tr("Select a managed application to manage its API keys."),
                                 5000);
        return;
    }
    KeysDialog d(m_keys, m_current, this);
    d.exec();
}

QString MainWindow::exportTo(const QString &outDir, const QString &layout, bool force)
{
    m_model->commitPendingEdits();
    if (outDir.trimmed().isEmpty())
        return Tr::tr("Choose a folder to export to.");
    ExportLayout l = ExportLayout::Bundle;
    parseExportLayout(layout, l);
    int errors = 0;
    for (const Diagnostic &d : m_model->diagnostics())
        errors += d.isError();
    if (errors && !force)
        return Tr::tr("The workspace has %n error(s); fix them or export anyway.", nullptr, errors);
    const Status st = Exporter::write(m_model->workspace(), l, outDir);
    if (!st)
        return st.error().message;
    statusBar()->showMessage(Tr::tr("Exported to %1.").arg(outDir), 5000);
    return {};
}

void MainWindow::exportWorkspace(const QString &outDir, const QString &layout, bool force)
{
    const QString error = exportTo(outDir, layout, force);
    if (!error.isEmpty())
        QMessageBox::warning(this, Tr::tr("Export"), error);
}

QString MainWindow::startFolder(const QString &remembered) const
{
    if (!remembered.isEmpty() && QFileInfo(remembered).isDir())
        return remembered;
    return m_model->isOpen() ? m_model->root() : QDir::homePath();
}

void MainWindow::showExportDialog()
{
    if (!m_model->isOpen())
        return;
    QSettings settings;
    QDialog d(this);
    d.setObjectName(QStringLiteral("exportDialog"));
    d.setWindowTitle(Tr::tr("Export manifests"));
    auto *form = new QFormLayout(&d);
    auto *layout = new QComboBox(&d);
    layout->setObjectName(QStringLiteral("exportLayout"));
    layout->addItem(Tr::tr("One bundle.yaml in apply order"), QStringLiteral("bundle"));
    layout->addItem(Tr::tr("One folder per namespace"), QStringLiteral("namespaces"));
    layout->addItem(Tr::tr("Kustomize (one file per resource)"), QStringLiteral("kustomize"));
    layout->setCurrentIndex(
        std::max(0, layout->findData(settings.value(QStringLiteral("export/layout")))));
    auto *out = new QLineEdit(settings.value(QStringLiteral("export/dir")).toString(), &d);
    out->setObjectName(QStringLiteral("exportFolder"));
    auto *browse = new QPushButton(Tr::tr("Browse…"), &d);
    auto *row = new QHBoxLayout;
    row->addWidget(out, 1);
    row->addWidget(browse);
    auto *force = new QCheckBox(Tr::tr("Export even with errors"), &d);
    force->setObjectName(QStringLiteral("exportForce"));
    auto *error = new QLabel(&d);
    error->setObjectName(QStringLiteral("exportError"));
    error->setWordWrap(true);
    error->setStyleSheet(QStringLiteral("color: #c01c28;"));
    error->hide();
    form->addRow(Tr::tr("Layout:"), layout);
    form->addRow(Tr::tr("Folder:"), row);
    form->addRow(force);
    form->addRow(error);
    auto *b = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &d);
    b->button(QDialogButtonBox::Ok)->setText(Tr::tr("&Export"));
    // Review before exporting: against the export folder when it exists.
    QPushButton *review = b->addButton(Tr::tr("&Review changes…"), QDialogButtonBox::ActionRole);
    review->setObjectName(QStringLiteral("exportReview"));
    connect(review, &QPushButton::clicked, &d,
            [&] { DiffDialog::open(m_model, m_gateway, &d, out->text().trimmed(), true); });
    form->addRow(b);
    // A failed export keeps the dialog and what was chosen, with the reason in it.
    connect(b, &QDialogButtonBox::accepted, &d, [&] {
        const QString why
            = exportTo(out->text().trimmed(), layout->currentData().toString(), force->isChecked());
        QSettings s;
        s.setValue(QStringLiteral("export/layout"), layout->currentData());
        if (!out->text().trimmed().isEmpty())
            s.setValue(QStringLiteral("export/dir"), out->text().trimmed());
        if (why.isEmpty()) {
            d.accept();
            return;
        }
        error->setText(why);
        error->show();
    });
    connect(b, &QDialogButtonBox::rejected, &d, &QDialog::reject);
    connect(browse, &QPushButton::clicked, &d, [&] {
        const QString dir = QFileDialog::getExistingDirectory(&d, Tr::tr("Export folder"),
                                                              startFolder(out->text()));
        if (!dir.isEmpty())
            out->setText(dir);
    });
    d.exec();
}

QStringList MainWindow::manualCandidates()
{
    const QString appDir = QCoreApplication::applicationDirPath();
    QStringList out {appDir + QStringLiteral("/../share/doc/airgate/manual/index.html"),
                     appDir + QStringLiteral("/../share/airgate/manual/index.html"),
                     // The build tree: build/app/console/airgate, build/doc/manual.
                     appDir + QStringLiteral("/../../doc/manual/index.html")};
    for (QString &p : out)
        p = QDir::cleanPath(p);
    return out;
}

QString MainWindow::aboutText()
{
    QString rows;
    for (const auto &[label, value] : BuildInfo::facts())
        rows += QStringLiteral("<tr><td>%1</td><td>%2</td></tr>")
                    .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
    return Tr::tr("<h3>Airgate %1</h3><p>Offline API-management workbench for Traefik Hub "
                  "resources: author, validate, save, run and watch.</p>")
               .arg(BuildInfo::version().toHtmlEscaped())
        + QStringLiteral("<table>") + rows + QStringLiteral("</table>");
}

QIcon MainWindow::appIcon()
{
    QIcon fallback;
    for (const int size : {16, 22, 24, 32, 48, 64, 128, 256, 512})
        fallback.addFile(QStringLiteral(":/icons/hicolor/%1x%1/apps/airgate.png").arg(size),
                         QSize(size, size));
    return QIcon::fromTheme(QStringLiteral("airgate"), fallback);
}

QString MainWindow::manualPath()
{
    for (const QString &c : manualCandidates())
        if (QFileInfo::exists(c))
            return c;
    return {};
}

void MainWindow::showShortcuts()
{
    QDialog d(this);
    d.setObjectName(QStringLiteral("shortcutsDialog"));
    d.setWindowTitle(Tr::tr("Keyboard shortcuts"));
    auto *l = new QVBoxLayout(&d);
    auto *table = new QTableWidget(0, 2, &d);
    table->setObjectName(QStringLiteral("shortcutsTable"));
    table->setHorizontalHeaderLabels({Tr::tr("Action"), Tr::tr("Shortcut")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    // Read from the menus themselves, so the list cannot drift from what the keys do.
    std::function<void(QMenu *, const QString &)> walk = [&](QMenu *menu, const QString &prefix) {
        for (QAction *a : menu->actions()) {
            const QString text = prefix + a->text().remove(u'&');
            if (a->menu()) {
                walk(a->menu(), text + QStringLiteral(" ▸ "));
                continue;
            }
            if (a->shortcut().isEmpty())
                continue;
            const int row = table->rowCount();
            table->insertRow(row);
            table->setItem(row, 0, new QTableWidgetItem(text));
            table->setItem(row, 1,
                           new QTableWidgetItem(a->shortcut().toString(QKeySequence::NativeText)));
        }
    };
    for (QAction *m : menuBar()->actions())
        if (m->menu())
            walk(m->menu(), m->text().remove(u'&') + QStringLiteral(" ▸ "));
    for (const auto &[what, keys] :
         {std::pair {Tr::tr("Form ▸ Next / previous field"), QStringLiteral("Tab / Shift+Tab")},
          std::pair {Tr::tr("Problems ▸ Go to the field and line"), QStringLiteral("Enter")},
          std::pair {Tr::tr("Tree ▸ Delete the resource"),
                     QKeySequence(QKeySequence::Delete).toString(QKeySequence::NativeText)}}) {
        const int row = table->rowCount();
        table->insertRow(row);
        table->setItem(row, 0, new QTableWidgetItem(what));
        table->setItem(row, 1, new QTableWidgetItem(keys));
    }
    table->resizeColumnToContents(1);
    auto *b = new QDialogButtonBox(QDialogButtonBox::Close, &d);
    connect(b, &QDialogButtonBox::rejected, &d, &QDialog::reject);
    l->addWidget(table);
    l->addWidget(b);
    d.resize(560, 520);
    d.exec();
}

void MainWindow::applyAppearance(const QString &theme, int pointSize)
{
    static const QPalette systemPalette = QApplication::palette();
    static const QFont systemFont = QApplication::font();
    if (theme == QLatin1StringView("dark")) {
        QPalette p;
        p.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
        p.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
        p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        p.setColor(QPalette::AlternateBase, QColor(0x2b, 0x2b, 0x2b));
        p.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
        p.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
        p.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
        p.setColor(QPalette::Highlight, QColor(0x35, 0x84, 0xe4));
        p.setColor(QPalette::HighlightedText, Qt::white);
        p.setColor(QPalette::ToolTipBase, QColor(0x35, 0x35, 0x35));
        p.setColor(QPalette::ToolTipText, QColor(0xe6, 0xe6, 0xe6));
        p.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x90));
        QApplication::setPalette(p);
    } else if (theme == QLatin1StringView("light")) {
        QApplication::setPalette(QApplication::style()->standardPalette());
    } else {
        QApplication::setPalette(systemPalette); // follows the system
    }
    QFont f = systemFont;
    if (pointSize > 0)
        f.setPointSize(pointSize);
    QApplication::setFont(f);
}

void MainWindow::showSettings()
{
    QSettings s;
    QDialog d(this);
    d.setWindowTitle(Tr::tr("Settings"));
    auto *form = new QFormLayout(&d);
    auto *theme = new QComboBox(&d);
    theme->addItem(Tr::tr("Follow the system"), QStringLiteral("system"));
    theme->addItem(Tr::tr("Light"), QStringLiteral("light"));
    theme->addItem(Tr::tr("Dark"), QStringLiteral("dark"));
    theme->setCurrentIndex(
        std::max(0, theme->findData(s.value(QStringLiteral("appearance/theme")).toString())));
    auto *size = new QSpinBox(&d);
    size->setRange(0, 32);
    size->setSpecialValueText(Tr::tr("System"));
    size->setValue(s.value(QStringLiteral("appearance/fontSize"), 0).toInt());
    form->addRow(Tr::tr("Theme:"), theme);
    form->addRow(Tr::tr("Font size:"), size);
    auto *b = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &d);
    form->addRow(b);
    connect(b, &QDialogButtonBox::accepted, &d, &QDialog::accept);
    connect(b, &QDialogButtonBox::rejected, &d, &QDialog::reject);
    if (d.exec() != QDialog::Accepted)
        return;
    s.setValue(QStringLiteral("appearance/theme"), theme->currentData());
    s.setValue(QStringLiteral("appearance/fontSize"), size->value());
    applyAppearance(theme->currentData().toString(), size->value());
}

bool MainWindow::maybeSave()
{
    m_model->commitPendingEdits();
    if (!m_model->isOpen() || !m_model->isDirty())
        return true;
    QMessageBox box(
        QMessageBox::Question, Tr::tr("Unsaved edits"),
        Tr::tr("Save the edits to %1?").arg(m_model->dirtyFiles().join(QStringLiteral(", "))),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    box.setDefaultButton(QMessageBox::Save);
    // What would be saved, before answering: the review against the disk, then the same question.
    QPushButton *review = box.addButton(Tr::tr("&Review changes…"), QMessageBox::ActionRole);
    review->setObjectName(QStringLiteral("unsavedReview"));
    connect(review, &QPushButton::clicked, &box, [this, &box] {
        DiffDialog d(m_model, m_gateway, &box);
        d.compareWith(DiffDialog::Against::Disk);
        d.exec();
    });
    do
        box.exec();
    while (box.clickedButton() == review);
    const auto answer = box.standardButton(box.clickedButton());
    if (answer == QMessageBox::Cancel || answer == QMessageBox::NoButton)
        return false;
    if (answer == QMessageBox::Save)
        return saveAll();
    m_model->revertAll(); // discarded on purpose: the journal goes too
    return true;
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (!m_shown && !QSettings().contains(QStringLiteral("window/state")))
        QTimer::singleShot(0, this,
                           [this] { resizeDocks({m_problemsDock}, {height() / 4}, Qt::Vertical); });
    if (!m_shown && QSettings().contains(QStringLiteral("window/state")))
        // Dock sizes restored before the window had its real size are proportioned anew by
        // the first layout: restore them once the window is shown.
        restoreState(QSettings().value(QStringLiteral("window/state")).toByteArray());
    // A message shown while the window was hidden (a restored journal) did not hide the status
    // bar's own text, which the window's show then drew underneath it: show it again now.
    if (const QString message = statusBar()->currentMessage(); !message.isEmpty()) {
        statusBar()->clearMessage(); // the same text again would change nothing
        statusBar()->showMessage(message, 15000);
    }
    if (!m_shown)
        // A gateway an earlier console left (crash, kill) holds its ports: stop it and say so.
        QTimer::singleShot(0, m_gateway, [this] { m_gateway->stopLeftovers(); });
    m_shown = true;
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Resize && (watched == m_problemsDock || watched == m_gatewayDock)
        && m_shown)
        m_layoutTimer.start(); // a dock separator was dragged
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::resizeEvent(QResizeEvent *event)
{
    QMainWindow::resizeEvent(event);
    if (m_shown)
        m_layoutTimer.start();
}

void MainWindow::saveLayout()
{
    QSettings s;
    s.setValue(QStringLiteral("window/geometry"), saveGeometry());
    s.setValue(QStringLiteral("window/state"), saveState());
    s.setValue(QStringLiteral("window/splitter"), m_split->saveState());
    s.setValue(QStringLiteral("window/editorTab"), m_tabs->currentIndex());
    // Tabified docks: the one in front is part of the layout.
    s.setValue(QStringLiteral("window/raisedDock"),
               !m_gatewayDock->visibleRegion().isEmpty() && m_gatewayDock->isVisible()
                   ? QStringLiteral("gateway")
                   : QStringLiteral("problems"));
    m_gatewayPanel->saveLayout(s);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    saveLayout();
    m_gateway->stop();
    event->accept();
}

} // namespace Airgate::Console
