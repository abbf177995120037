// The source of the targets that build the tests' precompiled headers (tests/CMakeLists.txt);
// it holds nothing of its own.
