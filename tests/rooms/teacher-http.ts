// The teacher's HTTP API as the room tests use it: a key, an assignment, a report, over real
// HTTP to the test server (the key only in the Authorization header, as the pages send it).
import type { ColyseusTestServer } from "@colyseus/testing";
import type { AssignmentSettings, AssignmentSummary, ClassReport } from "../../shared/teacher";

export interface TeacherHttp {
  newKey(): Promise<string>;
  revoke(key: string): Promise<void>;
  newAssignment(key: string, settings: Partial<AssignmentSettings>): Promise<AssignmentSummary>;
  report(key: string, query?: string): Promise<ClassReport>;
}

export function teacherHttp(colyseus: () => ColyseusTestServer): TeacherHttp {
  const call = async <T>(method: string, path: string, key?: string, body?: unknown): Promise<T> => {
    const port = (colyseus().server as unknown as { port: number }).port;
    const headers: Record<string, string> = key ? { authorization: `Bearer ${key}` } : {};
    if (body !== undefined) headers["content-type"] = "application/json";
    const response = await fetch(`http://127.0.0.1:${port}/api${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await response.json()) as T & { error?: string };
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${json.error}`);
    return json;
  };
  return {
    newKey: async () => (await call<{ key: string }>("POST", "/teacher/keys")).key,
    revoke: async (key) => void (await call("DELETE", "/teacher", key)),
    newAssignment: (key, settings) =>
      call<AssignmentSummary>("POST", "/teacher/assignments", key, {
        title: "Spirals, week 2",
        rounds: 2,
        kinds: ["shell", "galaxy"],
        difficulty: "normal",
        timeZone: "UTC",
        ...settings,
      }),
    report: (key, query = "") => call<ClassReport>("GET", `/teacher/report${query}`, key),
  };
}
