import { expect, it } from "vitest";
import { describeDb } from "@/test/db";
import { createUser } from "@/test/fixtures";
import { getCaseHeader } from "./case";
import { updateOwnProfile } from "./profile";

describeDb("case header contact", ({ db }) => {
  it("shows the doctor the phone and emergency contact the patient saved, in E.164", async () => {
    const doctor = await createUser(db(), { role: "doctor" });
    const patient = await createUser(db(), { role: "patient", doctorId: doctor.id });
    expect(await getCaseHeader(doctor, patient.id)).toMatchObject({
      phone: null,
      emergencyContactName: null,
      emergencyContactRelation: null,
      emergencyContactPhone: null,
    });
    await updateOwnProfile(patient, {
      dateOfBirth: "1970-01-02",
      sex: "female",
      conditions: [],
      conditionsOther: null,
      medicines: [],
      medicinesOther: null,
      phone: "06 11 22 33 44",
      emergencyContactName: "Jean Petit",
      emergencyContactRelation: "Husband",
      emergencyContactPhone: "+32 470 12 34 56",
    });
    // getCaseHeader is cached per request; a new actor object is a new cache key.
    expect(await getCaseHeader({ ...doctor }, patient.id)).toMatchObject({
      phone: "+33611223344",
      emergencyContactName: "Jean Petit",
      emergencyContactRelation: "Husband",
      emergencyContactPhone: "+32470123456",
    });
  });
});
