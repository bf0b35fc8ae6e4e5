-- Why a certification unit holds more than one model, where the scheme allows it only with a recorded reason
-- (000 §6 "原则上…同一规格型号作为一个单元"; 003 ¶15 negotiated when ¶14 cannot divide) — corrections B-2.
ALTER TABLE certification_unit ADD COLUMN division_reason VARCHAR(1000);
