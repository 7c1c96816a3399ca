-- PostgreSQL's JIT compiler (on by default where PostgreSQL is built with LLVM, as Debian's and most
-- hosted ones are) starts once a statement's estimated cost passes jit_above_cost. The reports'
-- GROUP BYs over a year of a busy tenant pass it; compiling then takes about a second, five times
-- what the statement itself takes (measured: the services report over 100,000 appointments, 1.5 s
-- with JIT, 0.3 s without). Nothing this API runs is long enough to win it back, so it is off for
-- this database's new sessions. Only the database's owner (or a superuser) may set this: anyone
-- else keeps the server's setting, with a notice, and should set jit = off for the API's role.
-- See api/README.md, "Decisions".
DO $$
BEGIN
  EXECUTE format('ALTER DATABASE %I SET jit = off', current_database());
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'jit stays as the server has it: only the database owner can turn it off here';
END $$;
