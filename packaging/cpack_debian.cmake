# CPack settings for the .deb: `cpack` in the build folder writes magellan-kv_VERSION_ARCH.deb.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME magellan-kv)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "The magellan-kv developers")
set(CPACK_PACKAGE_CONTACT "The magellan-kv developers <magellan-kv@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "move a magellan code index from SQLite into RocksDB")
# One paragraph, wrapped for `apt show` under 80 columns with the space CPack puts before each line.
set(CPACK_PACKAGE_DESCRIPTION
    "magellan-kv moves the bulky side tables of a magellan SQLite index (code
chunks, AST nodes, control-flow blocks) into a RocksDB store, reads the store
back and shows that nothing was lost. It is a desktop app (double-click a
database to open it) and a command line (inspect, migrate, verify).")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
# The build is RelWithDebInfo; the package ships the binary without its debug sections.
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION database)
# Libraries come from dpkg-shlibdeps; Qt's SQLite driver is a plugin it cannot see, so it is named.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite")
# Lets `magellan-kv` be made the handler with xdg-mime, as the README says.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "xdg-utils")

include(CPack)
