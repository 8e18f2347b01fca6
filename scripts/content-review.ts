// `npm run content:review`: every guide with its last review date, its sources, its reading ease and
// whether it is due for review (README, "How the guides are reviewed"). --json for a machine.
import { getGuides } from "../lib/guides/load-guides";
import { formatReview, reviewRows } from "../lib/guides/content-review";

const rows = reviewRows(getGuides(), new Date());
console.log(process.argv.includes("--json") ? JSON.stringify(rows, null, 2) : formatReview(rows));
