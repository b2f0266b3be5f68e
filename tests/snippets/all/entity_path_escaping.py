"""Entity paths with escaping, lists of parts and leading slashes."""

import rerun as rr

rr.init("rerun_example_entity_paths", spawn=True)

rr.log(["world", "my cam", "image/0"], rr.Points2D([[0, 0]]))
rr.log(rr.new_entity_path(["a", "b c", 42]), rr.Points2D([[1, 1]]))
rr.log("/" + rr.escape_entity_path_part("weird:name/x"), rr.Points2D([[2, 2]]))
rr.log("plain/path/", rr.Points2D([[3, 3]]))
rr.log("/leading/slash", rr.Points2D([[4, 4]]))
