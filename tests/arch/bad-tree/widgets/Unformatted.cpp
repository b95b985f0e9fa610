// A file that does not match .clang-format: the format check must name it.
int  badlyFormatted( int x ){ return x+1 ; }
